package dev.storeauth.demo.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The store's "Information &amp; Settings" document, as served by {@code GET /v2/store}. */
final class StoreInformation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreInformation() {
    }

    /** The document a new store starts with. */
    static String initial(String storeHash, String adminEmail) {
        ObjectNode info = JSON.createObjectNode();
        info.put("id", storeHash);
        info.put("name", "Demo Store");
        info.put("domain", "localhost");
        info.put("admin_email", adminEmail);
        info.put("order_email", adminEmail);
        info.put("currency", "USD");
        info.put("language", "en");
        info.put("timezone", "Etc/UTC");
        info.put("weight_units", "kg");
        info.put("dimension_units", "cm");
        return info.toString();
    }
}
