package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storeauth.clientgrant.ClientCredentialsGrant;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.credentials.SecretDigester;
import dev.storeauth.grant.ShortLivedTokens;
import dev.storeauth.repository.AccountRepository;
import dev.storeauth.repository.RepositoryUnavailableException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** An account repository that cannot answer is 503 with Retry-After at the token endpoint, never 401 or 500. */
class TokenEndpointOutageTest {

    @Test
    void anUnavailableRepositoryIsTemporarilyUnavailable() throws Exception {
        AccountRepository down = mock(AccountRepository.class);
        when(down.oauthAccountByClientId(anyString())).thenThrow(new RepositoryUnavailableException("down"));
        ClientCredentialsGrant grant = ClientCredentialsGrant.builder(down, ShortLivedTokens.builder(down, SecretDigester.sha256()).build())
                .build();
        Server server = new Server();
        ServerConnector tls = JettyWebXmlDeploymentTest.tlsConnector(server);
        server.addConnector(tls);
        ServletContextHandler context = new ServletContextHandler();
        ServletHolder token = new ServletHolder(new TokenEndpointServlet(grant));
        token.setAsyncSupported(true);
        context.addServlet(token, "/token");
        server.setHandler(context);
        server.start();
        try {
            String secret = new SecretGenerator().generate(SecretKind.CLIENT_SECRET);
            HttpResponse<String> answer = HttpClient.newBuilder().sslContext(TestKeystore.clientContext()).build().send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + tls.getLocalPort() + "/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=sci_x"
                                    + "&client_secret=" + secret)).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(503, answer.statusCode(), answer.body());
            assertEquals(Optional.of("5"), answer.headers().firstValue("Retry-After"));
            assertEquals(Optional.of("no-store"), answer.headers().firstValue("Cache-Control"));
            assertEquals("temporarily_unavailable", new ObjectMapper().readTree(answer.body()).get("error").asText());
        } finally {
            server.stop();
        }
    }
}
