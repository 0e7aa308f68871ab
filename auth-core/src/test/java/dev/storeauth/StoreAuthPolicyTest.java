package dev.storeauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeauth.audit.TestAudit;
import dev.storeauth.auth.ApiRequest;
import dev.storeauth.auth.AuthResult;
import dev.storeauth.auth.ReportOnlyRoutes;
import dev.storeauth.credentials.internal.SecretGenerator;
import dev.storeauth.credentials.internal.SecretKind;
import dev.storeauth.policy.LegacyDeprecation;
import dev.storeauth.policy.RouteTable;
import dev.storeauth.policy.ScopeCatalogue;
import dev.storeauth.repository.InMemoryAccountRepository;
import dev.storeauth.repository.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The legacy deprecation and the report-only routes given to {@link StoreAuth.Builder} reach its authenticator. */
class StoreAuthPolicyTest {

    private final InMemoryAccountRepository repository = new InMemoryAccountRepository();
    private final String token = new SecretGenerator().generate(SecretKind.LEGACY_TOKEN);

    StoreAuthPolicyTest() {
        repository.insertLegacyAccount(TestAccounts.legacy("abc", "alice", token), TestAudit.ENTRY);
    }

    private AuthResult basic(StoreAuth storeAuth) {
        String pair = Base64.getEncoder().encodeToString(("alice:" + token).getBytes(StandardCharsets.UTF_8));
        return storeAuth.authenticator().authenticate(new ApiRequest("GET", "/stores/abc/v2/products",
                ApiRequest.Headers.of(Map.of("Authorization", List.of("Basic " + pair))), true, "203.0.113.9"));
    }

    @Test
    void theDeprecationAndTheReportOnlyRoutesReachTheAuthenticator() {
        List<ReportOnlyRoutes.Report> reports = new ArrayList<>();
        try (StoreAuth storeAuth = StoreAuth.builder().repository(repository).recordUsage(false)
                .legacyDeprecation(LegacyDeprecation.since(LocalDate.of(2023, 7, 1)))
                .reportOnlyRoutes(RouteTable.parse("accept v2 bearer\n", ScopeCatalogue.defaults()))
                .reportOnlyListener(reports::add).build()) {

            AuthResult result = basic(storeAuth);

            assertEquals(Map.of("Deprecation", "@1688169600"),
                    assertInstanceOf(AuthResult.Authenticated.class, result, result::toString).headers());
            assertEquals(1, reports.size());
            assertEquals(ReportOnlyRoutes.Reason.SCHEME_NOT_ACCEPTED, reports.get(0).wouldDeny().reason());
            assertEquals(1, storeAuth.authenticator().reportOnlyStatistics().size());
        }
    }

    @Test
    void aReportOnlyListenerWithoutRoutesAndASettingGivenTwiceFail() {
        StoreAuth.Builder listenerOnly = StoreAuth.builder().repository(repository).reportOnlyListener(report -> { });
        StoreAuth.Builder twice = StoreAuth.builder().legacyDeprecation(LegacyDeprecation.since(LocalDate.of(2023, 7, 1)));

        IllegalStateException e = assertThrows(IllegalStateException.class, listenerOnly::build);
        assertTrue(e.getMessage().contains("reportOnlyListener needs reportOnlyRoutes"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> twice.legacyDeprecation(LegacyDeprecation.since(LocalDate.of(2024, 1, 1))));
    }
}
