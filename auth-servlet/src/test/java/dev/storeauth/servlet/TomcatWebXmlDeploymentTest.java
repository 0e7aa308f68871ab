package dev.storeauth.servlet;

import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The web.xml webapp deployed in embedded Tomcat 10.1 by {@link Tomcat#addWebapp}, on a plain
 * connector and on a JSSE TLS connector.
 */
class TomcatWebXmlDeploymentTest extends WebXmlDeploymentTest {

    private static Tomcat tomcat;
    private static Connector tlsConnector;

    @BeforeAll
    static void deploy() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tlsConnector = tlsConnector();
        tomcat.getService().addConnector(tlsConnector);
        Context context = tomcat.addWebapp("", WEBAPP.toString());
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        tomcat.start();
        if (context.getState() != LifecycleState.STARTED) {
            throw new IllegalStateException("the webapp did not start: " + context.getState());
        }
    }

    /** A loopback NIO connector with TLS from {@link TestKeystore}, as {@code server.xml} would declare it. */
    static Connector tlsConnector() {
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setSecure(true);
        connector.setScheme("https");
        connector.setProperty("SSLEnabled", "true");
        SSLHostConfig host = new SSLHostConfig();
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.EC);
        certificate.setCertificateKeystoreFile(TestKeystore.file().toString());
        certificate.setCertificateKeystorePassword(TestKeystore.PASSWORD);
        certificate.setCertificateKeystoreType("PKCS12");
        host.addCertificate(certificate);
        connector.addSslHostConfig(host);
        return connector;
    }

    @AfterAll
    static void undeploy() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @Override
    int port() {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    int tlsPort() {
        return tlsConnector.getLocalPort();
    }
}
