package dk.earlyhelp.referrals;

import dk.earlyhelp.platform.test.ServiceArchitectureTests;

class ReferralArchitectureTests extends ServiceArchitectureTests {

    @Override
    protected String basePackage() {
        return "dk.earlyhelp.referrals";
    }
}
