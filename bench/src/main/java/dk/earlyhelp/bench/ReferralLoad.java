package dk.earlyhelp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Ours, end to end: a teacher's referral submitted through the gateway's API ({@code POST
 * /api/referrals}: checked, consent asked of the consent service, stored with its event) until
 * ngo-service has stored it in the NGO's inbox and announced that ({@code ngo.referral-received.v1},
 * read here from the broker). The children's custody holders consented beforehand, as the portal
 * records it, so every referral goes to the NGO at once.
 */
final class ReferralLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECEIVED = "ngo.referral-received.v1";
    /** The gateway allows a person 20 requests a second; 100 teachers keep 500 referrals a second within it. */
    private static final int TEACHERS = 100;

    private final String portal;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> tokens = new ArrayList<>();
    private final List<String> children = new ArrayList<>();
    private final ConcurrentMap<String, Long> receivedAt = new ConcurrentHashMap<>();
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final Thread inboxWatch;

    ReferralLoad(String portal, String brokers, SignedTokens signed) {
        this.portal = portal;
        for (int teacher = 0; teacher < TEACHERS; teacher++) {
            tokens.add(signed.teacher(teacher, Duration.ofHours(2)));
        }
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor("ngo.events").stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        inboxWatch = new Thread(() -> {
            try (consumer) {
                while (watching.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        Header type = record.headers().lastHeader("ce_type");
                        if (type != null && RECEIVED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                            receivedAt.putIfAbsent(referralId(record), now);
                        }
                    }
                }
            }
        }, "inbox-watch");
        inboxWatch.start();
    }

    /** {@code count} children, each with a first referral shared under their custody holder's consent. */
    void prepareChildren(int count) throws Exception {
        String teacher = tokens.get(0);
        for (int i = 0; i < count; i++) {
            JsonNode referral = post("/api/referrals", teacher, referral(i), 201);
            String childId = referral.at("/child/id").asText();
            String consentId = post("/api/consents", teacher, """
                    {"childId": "%s", "referralId": "%s", "grantees": ["URK_AAR"], "interventionCode": "POWERKIDS",
                     "purposes": ["REFERRAL_AND_DELIVERY", "PROGRESS_TO_REFERRER"], "categories": ["CONCERNS", "CHILD_VIEW", "CONTACT"],
                     "validFrom": "%s", "validUntil": "%s", "custodyHoldersRequired": 1, "textVersion": "EH-SAMTYKKE-2026-11"}"""
                    .formatted(childId, referral.get("id").asText(), LocalDate.now(), LocalDate.now().plusMonths(6)), 201)
                    .get("id").asText();
            post("/api/consents/" + consentId + "/grantors", teacher,
                    "{\"role\": \"CUSTODY_HOLDER\", \"method\": \"SIGNED_PAPER\"}", 200);
            children.add(childId);
        }
    }

    /** Open loop: a referral every 1/rate seconds whatever the answers, so a slow answer does not hide a queue. */
    Run fixedRate(double perSecond, Duration length) throws Exception {
        int total = (int) (perSecond * length.toSeconds());
        Run run = new Run();
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        ticks.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n < total) {
                long sentAt = System.nanoTime();
                http.sendAsync(request(n), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, failure) -> run.answered(response, failure, sentAt));
            }
        }, 0, (long) (1_000_000_000 / perSecond), TimeUnit.NANOSECONDS);
        run.awaitAnswers(total, length.plusSeconds(60));
        ticks.shutdownNow();
        return run.settle(length);
    }

    /** Closed loop: {@code concurrency} clients, each sending its next referral when the last was answered. */
    Run saturation(int concurrency, Duration length) throws Exception {
        Run run = new Run();
        long until = System.nanoTime() + length.toNanos();
        AtomicInteger next = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < until) {
                    long sentAt = System.nanoTime();
                    try {
                        run.answered(http.send(request(next.getAndIncrement()), HttpResponse.BodyHandlers.ofString()),
                                null, sentAt);
                    } catch (IOException e) {
                        run.answered(null, e, sentAt);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "referral-client-" + c);
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        return run.settle(length);
    }

    /** One measured run: when each accepted referral was sent, and the answers that were not 201. */
    final class Run {

        private final ConcurrentMap<String, Long> sentAt = new ConcurrentHashMap<>();
        private final ConcurrentMap<Integer, AtomicInteger> refusals = new ConcurrentHashMap<>();
        private final AtomicLong answers = new AtomicLong();
        private volatile long firstSent = Long.MAX_VALUE;
        private Latencies latencies;
        private int lost;
        private double throughput;

        void answered(HttpResponse<String> response, Throwable failure, long sent) {
            synchronized (this) {
                firstSent = Math.min(firstSent, sent);
            }
            if (response != null && response.statusCode() == 201) {
                sentAt.put(referralId(response.body()), sent);
            } else {
                refusals.computeIfAbsent(response == null ? -1 : response.statusCode(), code -> new AtomicInteger())
                        .incrementAndGet();
            }
            answers.incrementAndGet();
        }

        void awaitAnswers(long count, Duration atMost) throws InterruptedException {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (answers.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(10); // the benchmark's own wait for its counter
            }
        }

        /** Waits for the accepted referrals to reach the inbox (at most 2 minutes), then sums up. */
        Run settle(Duration length) throws InterruptedException {
            awaitReceived(sentAt.keySet(), Duration.ofMinutes(2));
            List<Long> nanos = new ArrayList<>();
            long lastReceived = firstSent;
            int missing = 0;
            for (Map.Entry<String, Long> sent : sentAt.entrySet()) {
                Long received = receivedAt.get(sent.getKey());
                if (received == null) {
                    missing++;
                } else {
                    nanos.add(received - sent.getValue());
                    lastReceived = Math.max(lastReceived, received);
                }
            }
            latencies = Latencies.of(nanos);
            lost = missing;
            throughput = nanos.size() / Math.max((lastReceived - firstSent) / 1e9, length.toSeconds());
            return this;
        }

        Latencies latencies() {
            return latencies;
        }

        int accepted() {
            return sentAt.size();
        }

        /** Accepted, but not in the NGO's inbox two minutes after the run. */
        int lost() {
            return lost;
        }

        /** Referrals a second that reached the inbox, from the first send to the last arrival. */
        double throughput() {
            return throughput;
        }

        Map<Integer, AtomicInteger> refusals() {
            return refusals;
        }
    }

    private void awaitReceived(Collection<String> ids, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!receivedAt.keySet().containsAll(ids) && System.nanoTime() < deadline) {
            Thread.sleep(50); // the benchmark's own wait for its map
        }
    }

    private HttpRequest request(int n) {
        return HttpRequest.newBuilder(URI.create(portal + "/api/referrals"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.get(n % TEACHERS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(referral(n % children.size())))
                .build();
    }

    /** A synthetic child's referral to Powerkids; a further one for the same child is confirmed as intended. */
    private static String referral(int child) {
        return """
                {"child": {"firstName": "Bench", "lastName": "Barn%d", "birthDate": "%s", "gender": "GIRL"},
                 "custodyHolders": [{"name": "Bench Forælder", "relation": "MOTHER", "phone": "+45 20304050"}],
                 "interventionCode": "POWERKIDS", "concerns": ["PARENTAL_DIVORCE"],
                 "childView": {"whatIsHard": "Mor og far skændes", "wishes": "At nogen lytter"},
                 "confirmDuplicate": true}
                """.formatted(child, LocalDate.of(2015, 1, 1).plusDays(child));
    }

    private JsonNode post(String path, String token, String body, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(portal + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String referralId(String responseBody) {
        try {
            return JSON.readTree(responseBody).get("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String referralId(ConsumerRecord<byte[], byte[]> record) {
        try {
            return JSON.readTree(record.value()).get("referralId").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        watching.set(false);
        inboxWatch.join();
    }
}
