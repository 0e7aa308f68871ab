package dev.storeauth.demo.server;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The demo's two connectors: HTTPS with the self-signed certificate, and plain HTTP. */
final class Connectors {

    private final ServerConnector https;
    private final ServerConnector http;

    /** Binds both ports now (so their numbers are known before the server starts). */
    Connectors(Server server, TlsKeystore keystore, int httpsPort, int httpPort) throws Exception {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keystore.keyStore().toString());
        tls.setKeyStorePassword(keystore.password());
        tls.setKeyStoreType("PKCS12");
        HttpConfiguration httpsConfig = config();
        httpsConfig.addCustomizer(new SecureRequestCustomizer());
        https = new ServerConnector(server, new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(httpsConfig));
        https.setPort(httpsPort);
        https.setName("https");
        http = new ServerConnector(server, new HttpConnectionFactory(config()));
        http.setPort(httpPort);
        http.setName("http");
        server.addConnector(https);
        server.addConnector(http);
        https.open();
        http.open();
    }

    private static HttpConfiguration config() {
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        return config;
    }

    int httpsPort() {
        return https.getLocalPort();
    }

    int httpPort() {
        return http.getLocalPort();
    }
}
