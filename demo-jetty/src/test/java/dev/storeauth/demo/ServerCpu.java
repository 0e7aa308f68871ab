package dev.storeauth.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time spent by the in-process demo's Jetty threads (all named {@code demo-http}). */
final class ServerCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ServerCpu() {
    }

    /** The CPU nanoseconds the live {@code demo-http} threads have used so far. */
    static long nanos() {
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("demo-http")) {
                long cpu = THREADS.getThreadCpuTime(thread.getId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }
}
