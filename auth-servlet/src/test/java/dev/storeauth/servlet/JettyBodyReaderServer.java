package dev.storeauth.servlet;

import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** {@link BodyReaderServer} in a real Jetty 12 on a loopback port, its pool {@value #THREADS} threads in all. */
final class JettyBodyReaderServer extends BodyReaderServer {

    private final Server server = new Server(new QueuedThreadPool(THREADS, 2));
    private final ServerConnector connector = new ServerConnector(server, 1, 1);

    JettyBodyReaderServer(Duration deadline) throws Exception {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        servlets(deadline).forEach((path, servlet) -> {
            ServletHolder holder = new ServletHolder(servlet.getKey());
            holder.setAsyncSupported(servlet.getValue());
            context.addServlet(holder, path);
        });
        server.setHandler(context);
        server.start();
    }

    @Override
    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
