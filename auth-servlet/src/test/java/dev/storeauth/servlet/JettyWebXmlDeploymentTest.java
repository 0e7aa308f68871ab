package dev.storeauth.servlet;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The web.xml webapp deployed in Jetty 12 (ee10) by a {@link WebAppContext}, on a plain connector
 * and on a TLS connector with the usual {@link SecureRequestCustomizer}.
 */
class JettyWebXmlDeploymentTest extends WebXmlDeploymentTest {

    private static Server server;
    private static ServerConnector connector;
    private static ServerConnector tlsConnector;

    @BeforeAll
    static void deploy() throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        tlsConnector = tlsConnector(server);
        server.addConnector(tlsConnector);
        WebAppContext webapp = new WebAppContext(WEBAPP.toString(), "/");
        webapp.setParentLoaderPriority(true);
        webapp.setThrowUnavailableOnStartupException(true);
        server.setHandler(webapp);
        server.start();
    }

    /** A loopback TLS connector serving {@link TestKeystore}'s certificate. */
    static ServerConnector tlsConnector(Server server) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(TestKeystore.file().toString());
        tls.setKeyStorePassword(TestKeystore.PASSWORD);
        tls.setKeyStoreType("PKCS12");
        HttpConfiguration https = new HttpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector tlsConnector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(https));
        tlsConnector.setHost("127.0.0.1");
        return tlsConnector;
    }

    @AfterAll
    static void undeploy() throws Exception {
        server.stop();
    }

    @Override
    int port() {
        return connector.getLocalPort();
    }

    @Override
    int tlsPort() {
        return tlsConnector.getLocalPort();
    }
}
