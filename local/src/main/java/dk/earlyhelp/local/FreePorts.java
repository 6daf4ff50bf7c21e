package dk.earlyhelp.local;

import java.io.IOException;
import java.net.ServerSocket;

/** Consecutive free ports, for a second system beside a developer's own (the system tests, the benchmark). */
public final class FreePorts {

    /** Linux's ephemeral ports start here; outgoing connections take theirs from 32768 up. */
    private static final int EPHEMERAL = 32768;

    private FreePorts() {
    }

    /**
     * The first of {@code count} consecutive ports free now, searching upwards from {@code from} and
     * staying below the ephemeral range, so no outgoing connection of a starting service can take
     * one of them before its server binds it.
     */
    public static int run(int count, int from) {
        for (int candidate = from; candidate + count < EPHEMERAL; candidate += count + 7) {
            if (allFree(candidate, count)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No " + count + " consecutive free ports from " + from);
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
