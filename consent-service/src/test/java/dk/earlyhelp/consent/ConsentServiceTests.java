package dk.earlyhelp.consent;

import org.springframework.boot.test.context.SpringBootTest;

import dk.earlyhelp.platform.test.ServiceContractTests;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsentServiceTests extends ServiceContractTests {

    @Override
    protected String protectedPath() {
        return "/api/consents";
    }
}
