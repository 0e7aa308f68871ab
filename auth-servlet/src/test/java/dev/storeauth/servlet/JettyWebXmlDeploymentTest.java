package dev.storeauth.servlet;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The web.xml webapp deployed in Jetty 12 (ee10) by a {@link WebAppContext}. */
class JettyWebXmlDeploymentTest extends WebXmlDeploymentTest {

    private static Server server;
    private static ServerConnector connector;

    @BeforeAll
    static void deploy() throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        WebAppContext webapp = new WebAppContext(WEBAPP.toString(), "/");
        webapp.setParentLoaderPriority(true);
        webapp.setThrowUnavailableOnStartupException(true);
        server.setHandler(webapp);
        server.start();
    }

    @AfterAll
    static void undeploy() throws Exception {
        server.stop();
    }

    @Override
    int port() {
        return connector.getLocalPort();
    }
}
