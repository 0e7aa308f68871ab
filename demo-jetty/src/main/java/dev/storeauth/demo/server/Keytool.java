package dev.storeauth.demo.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the JDK's {@code keytool}. The key store password goes through an environment variable
 * ({@code -storepass:env}), never the command line, which other users can read.
 */
final class Keytool {

    private static final String PASSWORD_VARIABLE = "STOREAUTH_DEMO_KEYSTORE_PASSWORD";

    private Keytool() {
    }

    /**
     * A new EC P-256 key and self-signed certificate for {@code localhost}, {@code 127.0.0.1},
     * {@code ::1} and {@code publicHost} (a DNS name or an IP literal, as {@code DemoOptions} checks).
     */
    static void generate(Path keyStore, String password, String alias, String publicHost) throws IOException {
        Files.deleteIfExists(keyStore);
        run(password, "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "825", "-dname", "CN=" + publicHost + ", O=storeauth demo",
                "-ext", "SAN=" + subjectAlternativeNames(publicHost), "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass:env", PASSWORD_VARIABLE);
    }

    static String subjectAlternativeNames(String publicHost) {
        String names = "dns:localhost,ip:127.0.0.1,ip:::1";
        if (PublicHost.isLoopbackName(publicHost)) {
            return names;
        }
        return names + (PublicHost.isIpLiteral(publicHost) ? ",ip:" : ",dns:") + publicHost;
    }

    static void exportPem(Path keyStore, String password, String alias, Path pem) throws IOException {
        run(password, "-exportcert", "-rfc", "-alias", alias, "-keystore", keyStore.toString(),
                "-storetype", "PKCS12", "-storepass:env", PASSWORD_VARIABLE, "-file", pem.toString());
    }

    private static void run(String password, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
    }

    /** The {@code keytool} of the running JDK, else the one on the {@code PATH}. */
    private static String executable() {
        Path own = Path.of(System.getProperty("java.home"), "bin", "keytool");
        return Files.isExecutable(own) ? own.toString() : "keytool";
    }
}
