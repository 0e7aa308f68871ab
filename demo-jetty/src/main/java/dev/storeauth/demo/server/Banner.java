package dev.storeauth.demo.server;

import dev.storeauth.demo.cli.DemoOptions;
import dev.storeauth.demo.data.FirstStart;
import dev.storeauth.policy.StoreQuota;
import java.util.Map;

/** The start-up text: where everything is, how to sign in, and a {@code curl} to paste. */
final class Banner {

    private Banner() {
    }

    static String of(DemoServer server) {
        String https = server.httpsBase().toString();
        String hash = server.storeHash();
        StringBuilder out = new StringBuilder();
        out.append("\nstoreauth demo is running\n");
        out.append("  Control panel    ").append(https).append("/manage/\n");
        out.append("  Store API        ").append(https).append("/stores/").append(hash).append("/v3/  (and /v2/)\n");
        out.append("  Token endpoint   ").append(https).append(DemoContext.TOKEN_PATH).append("  (client credentials)\n");
        out.append("  Plain HTTP       http://").append(PublicHost.inUrl(server.publicHost())).append(':')
                .append(server.httpPort())
                .append("/  (redirects pages to HTTPS, refuses API calls)\n");
        out.append("  Store hash       ").append(hash).append('\n');
        out.append("  Database         ").append(server.databaseDescription()).append('\n');
        out.append("  Store quota      ").append(server.storeQuota().map(Banner::quota)
                .orElse("off (--store-quota N/PERIOD to set one)")).append('\n');
        out.append("  Legacy Basic     deprecated since ").append(DemoOptions.LEGACY_DEPRECATED_SINCE)
                .append(server.legacySunset().map(day -> "; refused from " + day + " (UTC)")
                        .orElse("; no sunset (--legacy-sunset YYYY-MM-DD to set one)")).append('\n');
        server.reportOnlyRoutesFile().ifPresent(file -> out.append("  Report-only      ").append(file)
                .append(" (requests it would deny go through, logged by dev.storeauth.auth.ReportOnlyRoutes)\n"));
        if (server.takesLeakReports()) {
            out.append("  Leak reports     ").append(https).append(DemoContext.LEAK_REPORTS)
                    .append("  (GitHub secret scanning, signed)\n");
        }
        out.append("  TLS certificate  self-signed: ").append(server.keystore().certificatePem()).append('\n');
        server.certificateNotice().ifPresent(notice -> out.append("                   ").append(notice)
                .append(" (clients must trust the new file)\n"));
        out.append(signIn(server.generatedPasswords()));
        out.append("\nCreate an API account in the control panel, then:\n");
        out.append("  TOKEN=<the access token it shows you once>\n");
        out.append("  curl --cacert ").append(server.keystore().certificatePem())
                .append(" -H \"X-Auth-Token: $TOKEN\" ").append(https).append("/stores/").append(hash)
                .append("/v3/catalog/products\n");
        out.append("\nCtrl-C stops it.\n");
        return out.toString();
    }

    /** As {@code --store-quota} takes it, e.g. {@code 450/30s}, and what it does. */
    static String quota(StoreQuota.Quota quota) {
        long ms = quota.windowMillis();
        String window = ms % 3_600_000 == 0 ? ms / 3_600_000 + "h" : ms % 60_000 == 0 ? ms / 60_000 + "m"
                : ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
        return quota.requests() + "/" + window + " per store, then 429 with X-Retry-After (X-Rate-Limit-* on every answer)";
    }

    private static String signIn(Map<String, String> generated) {
        StringBuilder out = new StringBuilder("\nSign in as\n");
        for (String email : new String[] {FirstStart.OWNER, FirstStart.STAFF}) {
            out.append("  ").append(String.format("%-18s", email)).append(' ');
            out.append(generated.containsKey(email)
                    ? "password " + generated.get(email) + "   (generated; shown this once)"
                    : "with the password set on first start (forgotten? --reset-password " + email + ")");
            out.append('\n');
        }
        return out.toString();
    }
}
