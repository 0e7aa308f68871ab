package dev.storeauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.demo.cli.DemoOptions;
import dev.storeauth.demo.server.DemoServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --public-host} names the demo in its certificate, its banner and its links. */
class PublicHostTest {

    private static final int DNS = 2;
    private static final int IP = 7;

    @TempDir
    Path dataDir;

    @Test
    void aPublicDnsNameIsInTheCertificateBesideTheLoopbackNamesAndInTheBanner() throws Exception {
        try (DemoServer server = start("demo.example.test")) {
            assertEquals(Set.of(List.of(DNS, "localhost"), List.of(DNS, "demo.example.test"), List.of(IP, "127.0.0.1"),
                    List.of(IP, "0:0:0:0:0:0:0:1")), subjectAlternativeNames(server));
            assertEquals("https://demo.example.test:" + server.httpsPort(), server.httpsBase().toString());
            assertTrue(server.banner().contains("https://demo.example.test:" + server.httpsPort() + "/manage/"),
                    server.banner());
        }
    }

    @Test
    void aPublicIpAddressIsAnIpEntry() throws Exception {
        try (DemoServer server = start("192.0.2.7")) {
            assertTrue(subjectAlternativeNames(server).contains(List.of(IP, "192.0.2.7")),
                    subjectAlternativeNames(server).toString());
            assertEquals("https://192.0.2.7:" + server.httpsPort(), server.httpsBase().toString());
        }
    }

    @Test
    void theLoopbackNamesAreNotRepeated() throws Exception {
        try (DemoServer server = start("127.0.0.1")) {
            assertEquals(3, certificate(server).getSubjectAlternativeNames().size(),
                    certificate(server).getSubjectAlternativeNames().toString());
        }
    }

    @Test
    void aKeptCertificateThatLacksTheNewPublicHostIsReplacedAndTheBannerSaysSo() throws Exception {
        String before;
        try (DemoServer server = start("localhost")) {
            before = Files.readString(server.keystore().certificatePem());
        }
        try (DemoServer server = start("localhost")) {
            assertEquals(before, Files.readString(server.keystore().certificatePem()), "kept when the name is in it");
        }
        try (DemoServer server = start("shop.example.test")) {
            assertNotEquals(before, Files.readString(server.keystore().certificatePem()));
            assertTrue(subjectAlternativeNames(server).contains(List.of(DNS, "shop.example.test")));
            assertTrue(server.banner().contains("new certificate: the previous one did not name shop.example.test"),
                    server.banner());
        }
    }

    private DemoServer start(String publicHost) throws Exception {
        return DemoServer.start(new DemoOptions(0, 0, dataDir, Optional.empty(), Optional.empty(), "127.0.0.1",
                publicHost), name -> Optional.of("pw-" + name));
    }

    private static Set<List<?>> subjectAlternativeNames(DemoServer server) throws Exception {
        return new HashSet<>(certificate(server).getSubjectAlternativeNames());
    }

    private static X509Certificate certificate(DemoServer server) throws Exception {
        try (InputStream pem = Files.newInputStream(server.keystore().certificatePem())) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        }
    }
}
