package dev.storeauth.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * What the filter's TLS check costs inside a real Jetty 12: a servlet times {@code CALLS} calls of
 * {@code getAttribute("jakarta.servlet.request.cipher_suite")} (the check) and of {@code isSecure()}
 * (what it replaced) on the live request, in {@code ROUNDS} rounds after a warm-up, on the plain and
 * on the TLS connector, and prints the median nanoseconds per call. A main, not a test:
 *
 * <pre>{@code
 * mvn -B -o -q -pl auth-servlet -am test -Dtest=IpLiteralTest -Dsurefire.failIfNoSpecifiedTests=false
 * CP=$(grep -o 'name="surefire.test.class.path" value="[^"]*"' \
 *     auth-servlet/target/surefire-reports/TEST-dev.storeauth.servlet.IpLiteralTest.xml | sed 's/.*value="//;s/"$//')
 * java -cp "$CP" dev.storeauth.servlet.TlsCheckCost
 * }</pre>
 */
public final class TlsCheckCost {

    private static final int CALLS = 2_000_000;
    private static final int ROUNDS = 11;

    private TlsCheckCost() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector plain = new ServerConnector(server);
        plain.setHost("127.0.0.1");
        server.addConnector(plain);
        ServerConnector tls = JettyWebXmlDeploymentTest.tlsConnector(server);
        server.addConnector(tls);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new TimingServlet()), "/*");
        server.setHandler(context);
        server.start();
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(TestKeystore.clientContext()).build();
            for (int warmUp = 0; warmUp < 3; warmUp++) {
                fetch(client, "http://127.0.0.1:" + plain.getLocalPort() + "/");
                fetch(client, "https://127.0.0.1:" + tls.getLocalPort() + "/");
            }
            System.out.println("plain connector: " + fetch(client, "http://127.0.0.1:" + plain.getLocalPort() + "/"));
            System.out.println("TLS connector:   " + fetch(client, "https://127.0.0.1:" + tls.getLocalPort() + "/"));
        } finally {
            server.stop();
        }
    }

    private static String fetch(HttpClient client, String uri) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Answers the median ns per call of each check over {@link #ROUNDS} rounds on this request. */
    public static final class TimingServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            double[] attribute = new double[ROUNDS];
            double[] secure = new double[ROUNDS];
            long seen = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < CALLS; i++) {
                    seen += request.getAttribute(RequestDescriber.CIPHER_SUITE) != null ? 1 : 0;
                }
                attribute[round] = (System.nanoTime() - start) / (double) CALLS;
                start = System.nanoTime();
                for (int i = 0; i < CALLS; i++) {
                    seen += request.isSecure() ? 1 : 0;
                }
                secure[round] = (System.nanoTime() - start) / (double) CALLS;
            }
            response.setContentType("text/plain");
            response.getWriter().printf("getAttribute(cipher_suite) %.1f ns, isSecure() %.1f ns (medians of %d rounds"
                    + " of %,d calls; %d true)", median(attribute), median(secure), ROUNDS, CALLS, seen);
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }
}
