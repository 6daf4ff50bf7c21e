package dk.earlyhelp.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 7's benchmark, in one run on one broker: starts the run mode, measures raw Kafka, then
 * referrals through the gateway to the NGO inbox at a fixed rate and at saturation, and prints a
 * table with the ratios, the targets and the whole system's memory and start-up time.
 *
 * <p>Options (all optional): {@code --rate=50 --seconds=60 --saturation-seconds=30 --concurrency=32
 * --children=20 --raw-messages=50000}.
 */
public final class PipelineBenchmark {

    /** Progress and the table, as plain lines on standard output (logback.xml). */
    private static final Logger console = LoggerFactory.getLogger("console");

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        double rate = Double.parseDouble(options.getOrDefault("rate", "50"));
        Duration length = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")));
        Duration saturationLength = Duration.ofSeconds(Long.parseLong(options.getOrDefault("saturation-seconds", "30")));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "32"));
        int children = Integer.parseInt(options.getOrDefault("children", "20"));
        int rawMessages = Integer.parseInt(options.getOrDefault("raw-messages", "50000"));
        Path project = Path.of(options.getOrDefault("project", ".")).toAbsolutePath().normalize();

        say("Starting the run mode (the runnable jar, demo data, fresh data folder) ...");
        try (RunMode system = RunMode.start(project)) {
            say("Ready in %.1f s; data and logs in %s", system.startup().toMillis() / 1000.0, system.dataDir());
            long idleBytes = system.residentBytes();
            RawKafka raw = new RawKafka(system.brokers());
            say("Raw Kafka: %d messages at %.0f/s, then %d as fast as possible ...", (long) (rate * length.toSeconds()),
                    rate, rawMessages);
            raw.fixedRate(rate, Duration.ofSeconds(5)); // warm-up of client and broker, not counted
            Latencies rawLatency = raw.fixedRate(rate, length);
            double rawThroughput = raw.saturation(rawMessages);

            AtomicLong peakBytes = new AtomicLong(idleBytes);
            Thread memory = sampleMemory(system, peakBytes);
            try (ReferralLoad ours = new ReferralLoad(system.portal(), system.brokers(),
                    new SignedTokens(system.signingKey(), system.portal()))) {
                say("Ours: %d children with consent, a warm-up, then %.0f referrals/s for %d s ...", children, rate,
                        length.toSeconds());
                ours.prepareChildren(children);
                ours.fixedRate(Math.min(rate, 20), Duration.ofSeconds(20)); // warm-up (JIT, pools), not counted
                ReferralLoad.Run fixed = ours.fixedRate(rate, length);
                say("Ours at saturation: %d clients for %d s ...", concurrency, saturationLength.toSeconds());
                ReferralLoad.Run saturated = ours.saturation(concurrency, saturationLength);
                memory.interrupt();
                print(system, idleBytes, peakBytes.get(), rate, rawLatency, rawThroughput, fixed, saturated);
            }
        }
    }

    private static void print(RunMode system, long idleBytes, long peakBytes, double rate, Latencies raw,
            double rawThroughput, ReferralLoad.Run fixed, ReferralLoad.Run saturated) {
        Latencies ours = fixed.latencies();
        double allowedP99 = 3 * raw.p99() + 100;
        say("");
        say("%-44s %14s %14s %10s", "", "raw Kafka", "ours", "ours/raw");
        row(String.format(Locale.ROOT, "end-to-end p50 at %.0f/s (ms)", rate), raw.p50(), ours.p50());
        row(String.format(Locale.ROOT, "end-to-end p99 at %.0f/s (ms)", rate), raw.p99(), ours.p99());
        row(String.format(Locale.ROOT, "end-to-end max at %.0f/s (ms)", rate), raw.max(), ours.max());
        row("throughput at saturation (per s)", rawThroughput, saturated.throughput());
        say("");
        say("ours at %.0f/s: %d accepted, %d lost, refused %s; at saturation: %d accepted, %d lost, refused %s, p99 %.0f ms",
                rate, fixed.accepted(), fixed.lost(), refusals(fixed), saturated.accepted(), saturated.lost(),
                refusals(saturated), saturated.latencies().p99());
        say("");
        target(String.format(Locale.ROOT, "p99 at %.0f/s within 3 x raw p99 + 100 ms = %.0f ms", rate, allowedP99),
                ours.p99() <= allowedP99, String.format(Locale.ROOT, "%.0f ms", ours.p99()));
        target("saturation at least 500 referrals/s", saturated.throughput() >= 500,
                String.format(Locale.ROOT, "%.0f/s", saturated.throughput()));
        target("whole local system under 1.5 GB RSS", peakBytes < 1536L * 1024 * 1024,
                String.format(Locale.ROOT, "idle %d MB, peak %d MB", idleBytes >> 20, peakBytes >> 20));
        target("ready within 60 s when built", system.startup().toSeconds() < 60,
                String.format(Locale.ROOT, "%.1f s", system.startup().toMillis() / 1000.0));
    }

    private static void row(String name, double raw, double ours) {
        say("%-44s %14.1f %14.1f %10.3g", name, raw, ours, ours / raw);
    }

    private static void target(String name, boolean met, String measured) {
        say("%-4s %-60s %s", met ? "MET" : "MISS", name, measured);
    }

    private static String refusals(ReferralLoad.Run run) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        run.refusals().forEach((status, count) -> byStatus.put(status, count.get()));
        return byStatus.isEmpty() ? "none" : byStatus.toString();
    }

    /** Samples the system's resident memory every second and keeps the peak. */
    private static Thread sampleMemory(RunMode system, AtomicLong peak) {
        Thread sampler = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(system.residentBytes(), Math::max);
                    Thread.sleep(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options are --name=value, e.g. --rate=50; got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static void say(String format, Object... values) {
        console.info(String.format(Locale.ROOT, format, values));
    }
}
