package dk.earlyhelp.ngo;

import org.springframework.boot.test.context.SpringBootTest;

import dk.earlyhelp.platform.test.ServiceContractTests;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class NgoServiceTests extends ServiceContractTests {

    @Override
    protected String protectedPath() {
        return "/api/ngo/inbox";
    }
}
