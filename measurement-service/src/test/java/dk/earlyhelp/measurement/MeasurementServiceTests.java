package dk.earlyhelp.measurement;

import org.springframework.boot.test.context.SpringBootTest;

import dk.earlyhelp.platform.test.ServiceContractTests;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MeasurementServiceTests extends ServiceContractTests {

    @Override
    protected String protectedPath() {
        return "/api/measurements";
    }
}
