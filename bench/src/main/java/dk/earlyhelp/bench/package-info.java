/**
 * The pipeline benchmark of issue 7: on the run mode's one broker, raw Kafka's produce→consume
 * latency and throughput, then ours: referrals submitted through the gateway's API until the NGO
 * service has them in its inbox, at a fixed rate and at saturation; plus the whole system's RSS
 * and start-up time. {@code ./bench.sh} runs it and prints a table; it is never part of the tests.
 */
package dk.earlyhelp.bench;
