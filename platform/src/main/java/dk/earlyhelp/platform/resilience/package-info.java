/** Resilience4j settings every module that calls another through Spring Cloud CircuitBreaker shares. */
package dk.earlyhelp.platform.resilience;
