package dev.storeauth.bench;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserCache;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;

/**
 * Spring Security 6.x's Basic path as configured by default: the real {@link BasicAuthenticationConverter}
 * (on a minimal {@link HttpServletRequest} proxy that answers the header, the remote address and no session),
 * then {@link DaoAuthenticationProvider} with the default {@code DelegatingPasswordEncoder} (BCrypt, strength
 * 10) and a user cache that always hits. The provider still runs BCrypt on every request: that is the cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class SpringBenchmark {

    private final BasicAuthenticationConverter converter = new BasicAuthenticationConverter();
    private DaoAuthenticationProvider provider;
    private HttpServletRequest request;

    @Setup
    @SuppressWarnings("deprecation")
    public void setUp() {
        Fixtures fixtures = new Fixtures();
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        UserDetails user = User.withUsername(Fixtures.USERNAME).password(encoder.encode(fixtures.legacyToken))
                .roles("API").build();
        provider = new DaoAuthenticationProvider();
        provider.setPasswordEncoder(encoder);
        provider.setUserDetailsService(new InMemoryUserDetailsManager(user));
        provider.setUserCache(new MapUserCache());
        request = request(fixtures.basicHeader);
        if (!springBasicCachedUser().isAuthenticated()) {
            throw new IllegalStateException("spring fixture is not authenticated");
        }
    }

    @Benchmark
    public Authentication springBasicCachedUser() {
        return provider.authenticate(converter.convert(request));
    }

    private static HttpServletRequest request(String authorization) {
        return (HttpServletRequest) Proxy.newProxyInstance(SpringBenchmark.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                    case "getRemoteAddr" -> "203.0.113.7";
                    default -> null;
                });
    }

    /** A user cache that keeps every user: the best case for Spring, BCrypt is still paid per check. */
    private static final class MapUserCache implements UserCache {
        private final Map<String, UserDetails> users = new ConcurrentHashMap<>();

        @Override
        public UserDetails getUserFromCache(String username) {
            return users.get(username);
        }

        @Override
        public void putUserInCache(UserDetails user) {
            users.put(user.getUsername(), user);
        }

        @Override
        public void removeUserFromCache(String username) {
            users.remove(username);
        }
    }
}
