package dev.storeauth.demo.cli;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the command line asks for: run, one maintenance task on the data directory, print help, or
 * nothing because it is wrong.
 */
public sealed interface CommandLine {

    /** Start the demo with these options. */
    record Run(DemoOptions options) implements CommandLine {
    }

    /** {@code --backup FILE}: write a backup of the demo's database to {@code file} and exit. */
    record Backup(DemoOptions options, Path file) implements CommandLine {
        public Backup {
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(file, "file");
        }
    }

    /** {@code --restore FILE}: replace the demo's database with the backup in {@code file} and exit. */
    record Restore(DemoOptions options, Path file) implements CommandLine {
        public Restore {
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(file, "file");
        }
    }

    /** {@code --reset-password EMAIL}: give that control-panel user a new password, print it once, exit. */
    record ResetPassword(DemoOptions options, String email) implements CommandLine {
        public ResetPassword {
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(email, "email");
        }
    }

    /** {@code --help}: print the usage and exit 0. */
    record Help() implements CommandLine {
    }

    /** Print {@code message} and the usage, exit 2. */
    record Invalid(String message) implements CommandLine {
    }
}
