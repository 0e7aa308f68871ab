package dev.storeauth.servlet;

import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The web.xml webapp deployed in embedded Tomcat 10.1 by {@link Tomcat#addWebapp}. */
class TomcatWebXmlDeploymentTest extends WebXmlDeploymentTest {

    private static Tomcat tomcat;

    @BeforeAll
    static void deploy() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addWebapp("", WEBAPP.toString());
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        tomcat.start();
        if (context.getState() != LifecycleState.STARTED) {
            throw new IllegalStateException("the webapp did not start: " + context.getState());
        }
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
}
