package dev.storeauth.demo;

import dev.storeauth.demo.cli.CommandLine;
import dev.storeauth.demo.cli.OptionsParser;
import dev.storeauth.demo.server.DemoServer;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar demo-jetty.jar [options]}: starts the demo and runs until Ctrl-C (or SIGTERM),
 * then shuts down cleanly. Exit status: 0 after {@code --help} or a clean stop, 2 for bad options,
 * 1 when it cannot start.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        CommandLine line = OptionsParser.parse(List.of(args));
        if (line instanceof CommandLine.Help) {
            System.out.print(OptionsParser.USAGE);
            return;
        }
        if (line instanceof CommandLine.Invalid invalid) {
            usageError(System.err, invalid.message());
            System.exit(2);
        }
        if (!(line instanceof CommandLine.Run)) {
            usageError(System.err, "this maintenance task is not available in this build");
            System.exit(2);
        }
        DemoServer server;
        try {
            server = DemoServer.start(((CommandLine.Run) line).options(), name -> Optional.ofNullable(System.getenv(name)));
        } catch (Exception e) {
            LOG.error("cannot start: {}", e.toString());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            server.close();
            LOG.info("stopped cleanly");
        }, "demo-shutdown"));
        System.out.println(server.banner());
        server.join();
    }

    static void usageError(PrintStream err, String message) {
        err.println("error: " + message);
        err.println();
        err.print(OptionsParser.USAGE);
    }
}
