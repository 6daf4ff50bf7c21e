package dk.earlyhelp.ngo;

import dk.earlyhelp.platform.test.ServiceArchitectureTests;

class NgoArchitectureTests extends ServiceArchitectureTests {

    @Override
    protected String basePackage() {
        return "dk.earlyhelp.ngo";
    }
}
