package dk.earlyhelp.measurement;

import dk.earlyhelp.platform.test.ServiceArchitectureTests;

class MeasurementArchitectureTests extends ServiceArchitectureTests {

    @Override
    protected String basePackage() {
        return "dk.earlyhelp.measurement";
    }
}
