package dev.storeauth.servlet;

import java.nio.file.Files;
import java.time.Duration;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;

/** {@link BodyReaderServer} in embedded Tomcat 10.1 on a loopback port, with {@value #THREADS} request threads. */
final class TomcatBodyReaderServer extends BodyReaderServer {

    private final Tomcat tomcat = new Tomcat();

    TomcatBodyReaderServer(Duration deadline) throws Exception {
        tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        tomcat.getConnector().setProperty("maxThreads", Integer.toString(THREADS));
        Context context = tomcat.addContext("", null);
        servlets(deadline).forEach((path, servlet) -> {
            Wrapper wrapper = Tomcat.addServlet(context, path, servlet.getKey());
            wrapper.setAsyncSupported(servlet.getValue());
            context.addServletMappingDecoded(path, path);
        });
        tomcat.start();
    }

    @Override
    int port() {
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
