package dk.earlyhelp.consent;

import dk.earlyhelp.platform.test.ServiceArchitectureTests;

class ConsentArchitectureTests extends ServiceArchitectureTests {

    @Override
    protected String basePackage() {
        return "dk.earlyhelp.consent";
    }
}
