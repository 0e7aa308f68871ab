package dev.storeauth.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * What the filter's TLS check costs inside a real Jetty 12 and Tomcat 10.1, on the plain and on the TLS
 * connector: a servlet times the first {@code getAttribute("jakarta.servlet.request.cipher_suite")}, or
 * the first {@code isSecure()}, or the first {@code getAttribute} of a name nobody sets, of each of {@code REQUESTS} requests (where a container does lazy work),
 * and, on one request,
 * {@code CALLS} further calls of it and of {@code isSecure()} (what it replaced) in {@code ROUNDS}
 * rounds after a warm-up; it prints medians in nanoseconds. A main, not a test:
 *
 * <pre>{@code
 * mvn -B -o -q -pl auth-servlet -am test -Dtest=TrustedProxiesTest -Dsurefire.failIfNoSpecifiedTests=false
 * CP=$(grep -o 'name="surefire.test.class.path" value="[^"]*"' \
 *     auth-servlet/target/surefire-reports/TEST-dev.storeauth.servlet.TrustedProxiesTest.xml | sed 's/.*value="//;s/"$//')
 * java -cp "$CP" dev.storeauth.servlet.TlsCheckCost
 * }</pre>
 */
public final class TlsCheckCost {

    private static final int CALLS = 2_000_000;
    private static final int ROUNDS = 11;
    private static final int REQUESTS = 5_000;

    private TlsCheckCost() {
    }

    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(TestKeystore.clientContext()).build();
        Server jetty = new Server();
        ServerConnector plain = new ServerConnector(jetty);
        plain.setHost("127.0.0.1");
        jetty.addConnector(plain);
        ServerConnector tls = JettyWebXmlDeploymentTest.tlsConnector(jetty);
        jetty.addConnector(tls);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new TimingServlet()), "/*");
        jetty.setHandler(context);
        jetty.start();
        try {
            measure(client, "Jetty 12 ", plain.getLocalPort(), tls.getLocalPort());
        } finally {
            jetty.stop();
        }
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat").toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Connector tomcatTls = TomcatWebXmlDeploymentTest.tlsConnector();
        tomcat.getService().addConnector(tomcatTls);
        Context root = tomcat.addContext("", null);
        Tomcat.addServlet(root, "timing", new TimingServlet()).addMapping("/*");
        tomcat.start();
        try {
            measure(client, "Tomcat 10.1 ", tomcat.getConnector().getLocalPort(), tomcatTls.getLocalPort());
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    private static void measure(HttpClient client, String server, int plainPort, int tlsPort) throws Exception {
        for (String base : List.of("http://127.0.0.1:" + plainPort, "https://127.0.0.1:" + tlsPort)) {
            for (int warmUp = 0; warmUp < 3; warmUp++) {
                fetch(client, base + "/?loop");
            }
            String connector = server + (base.startsWith("https") ? "TLS connector:   " : "plain connector: ");
            System.out.println(connector + fetch(client, base + "/?loop"));
            long[] attribute = new long[REQUESTS];
            long[] secure = new long[REQUESTS];
            long[] other = new long[REQUESTS];
            for (int i = 0; i < REQUESTS; i++) {
                attribute[i] = Long.parseLong(fetch(client, base + "/?attribute"));
                secure[i] = Long.parseLong(fetch(client, base + "/?secure"));
                other[i] = Long.parseLong(fetch(client, base + "/?other"));
            }
            System.out.printf("%sfirst call of a request: getAttribute(cipher_suite) %s, isSecure() %s,"
                    + " getAttribute of an unset name %s (%,d requests each)%n",
                    connector, percentiles(attribute), percentiles(secure), percentiles(other), REQUESTS);
        }
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] + " ns (p90 " + sorted[sorted.length * 9 / 10] + ")";
    }

    private static String fetch(HttpClient client, String uri) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Answers the median ns per call of each check over {@link #ROUNDS} rounds on this request. */
    public static final class TimingServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String query = request.getQueryString();
            long start = System.nanoTime();
            boolean unusedTls = query.equals("secure") ? request.isSecure()
                    : request.getAttribute(query.equals("other") ? "dev.storeauth.unset" : ConnectionTls.CIPHER_SUITE) != null;
            long first = System.nanoTime() - start;
            response.setContentType("text/plain");
            if (!query.equals("loop")) {
                response.getWriter().print(first);
                return;
            }
            double[] attribute = new double[ROUNDS];
            double[] secure = new double[ROUNDS];
            long seen = 0;
            for (int round = 0; round < ROUNDS; round++) {
                start = System.nanoTime();
                for (int i = 0; i < CALLS; i++) {
                    seen += request.getAttribute(ConnectionTls.CIPHER_SUITE) != null ? 1 : 0;
                }
                attribute[round] = (System.nanoTime() - start) / (double) CALLS;
                start = System.nanoTime();
                for (int i = 0; i < CALLS; i++) {
                    seen += request.isSecure() ? 1 : 0;
                }
                secure[round] = (System.nanoTime() - start) / (double) CALLS;
            }
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
