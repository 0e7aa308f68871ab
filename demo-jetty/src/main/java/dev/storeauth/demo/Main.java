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
 * then shuts down cleanly; or runs one maintenance task ({@code --backup}, {@code --restore},
 * {@code --reset-password}, see {@link Maintenance}) and exits. Exit status: 0 after {@code --help},
 * a clean stop or a task done, 2 for bad options, 1 when it cannot start or the task fails (with
 * one line saying why).
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
        if (!(line instanceof CommandLine.Run run)) {
            System.exit(Maintenance.run(line, System.out, System.err));
            return;
        }
        DemoServer server;
        try {
            server = DemoServer.start(run.options(), name -> Optional.ofNullable(System.getenv(name)));
        } catch (Exception e) {
            LOG.error("cannot start: {}", e instanceof IllegalStateException ? e.getMessage() : e.toString());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            server.close();
            LOG.info("stopped cleanly");
        }, "demo-shutdown"));
        System.out.println(server.banner());
        System.out.flush();
        try {
            server.passwordsShown();
        } catch (java.sql.SQLException e) {
            LOG.warn("could not record that the generated passwords were shown; the next start makes new ones: {}",
                    e.toString());
        }
        server.join();
    }

    static void usageError(PrintStream err, String message) {
        err.println("error: " + message);
        err.println();
        err.print(OptionsParser.USAGE);
    }
}
