package dev.storeauth.demo;

import dev.storeauth.demo.cli.CommandLine;
import dev.storeauth.demo.cli.DemoOptions;
import dev.storeauth.demo.data.Backups;
import dev.storeauth.demo.data.DemoDatabase;
import dev.storeauth.demo.data.FirstStart;
import dev.storeauth.demo.data.PasswordHasher;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Optional;

/**
 * The maintenance tasks, each run on a stopped demo's data and then done: {@code --backup FILE},
 * {@code --restore FILE}, {@code --reset-password EMAIL}. Exit status 0 with what was done on
 * {@code out}, or 1 with one line on {@code err}.
 */
final class Maintenance {

    private Maintenance() {
    }

    /** Runs {@code task} (a Backup, Restore or ResetPassword); returns the exit status. */
    static int run(CommandLine task, PrintStream out, PrintStream err) {
        try {
            out.println(carryOut(task));
            return 0;
        } catch (Exception e) {
            err.println("error: " + oneLine(e));
            return 1;
        }
    }

    private static String carryOut(CommandLine task) throws Exception {
        if (task instanceof CommandLine.Backup backup) {
            return Backups.backup(backup.options(), backup.file());
        }
        if (task instanceof CommandLine.Restore restore) {
            return Backups.restore(restore.options(), restore.file()) + "; start the demo as usual";
        }
        if (task instanceof CommandLine.ResetPassword reset) {
            return resetPassword(reset.options(), reset.email());
        }
        throw new IllegalArgumentException("not a maintenance task: " + task);
    }

    private static String resetPassword(DemoOptions options, String email) throws Exception {
        if (options.jdbcUrl().isEmpty()) {
            java.nio.file.Path file = options.dataDir().resolve("storeauth.mv.db");
            if (!Files.exists(file)) {
                throw new IllegalStateException(file + " does not exist: start the demo once first");
            }
        }
        try (DemoDatabase database = DemoDatabase.open(options)) {
            FirstStart users = new FirstStart(database.dataSource(),
                    new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS), name -> Optional.empty());
            String password = users.resetPassword(email).orElseThrow(() -> new IllegalStateException(
                    "no control-panel user " + email + " in " + database.description()));
            return "new password for " + email + ": " + password + "   (shown this once)";
        }
    }

    /** The message of a refusal as it is; anything else with its type, since its message may not say. */
    private static String oneLine(Exception e) {
        String text = e instanceof IllegalStateException || e instanceof IllegalArgumentException
                ? e.getMessage() : e.toString();
        return String.valueOf(text).replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
