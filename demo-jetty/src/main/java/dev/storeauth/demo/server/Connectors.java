package dev.storeauth.demo.server;

import dev.storeauth.demo.cli.DemoOptions;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The demo's two connectors, both on {@link DemoOptions#bindAddress()}: HTTPS with the self-signed
 * certificate, answering for {@link ServedNames}, and plain HTTP.
 */
final class Connectors {

    private final ServerConnector https;
    private final ServerConnector http;

    /** Binds both ports now (so their numbers are known before the server starts). */
    Connectors(Server server, TlsKeystore keystore, DemoOptions options) throws Exception {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keystore.keyStore().toString());
        tls.setKeyStorePassword(keystore.password());
        tls.setKeyStoreType("PKCS12");
        HttpConfiguration httpsConfig = config();
        ServedNames names = ServedNames.of(options.publicHost(), options.bindAddress());
        httpsConfig.addCustomizer(new ServedHostCustomizer(names));
        https = connector(server, options.bindAddress(), options.httpsPort(), "https",
                new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(httpsConfig));
        http = connector(server, options.bindAddress(), options.httpPort(), "http",
                new HttpConnectionFactory(config()));
        https.open();
        http.open();
    }

    private static ServerConnector connector(Server server, String host, int port, String name,
            ConnectionFactory... factories) {
        ServerConnector connector = new ServerConnector(server, factories);
        connector.setHost(host);
        connector.setPort(port);
        connector.setName(name);
        server.addConnector(connector);
        return connector;
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
