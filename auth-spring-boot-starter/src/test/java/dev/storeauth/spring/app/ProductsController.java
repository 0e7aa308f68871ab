package dev.storeauth.spring.app;

import dev.storeauth.auth.ApiPrincipal;
import java.security.Principal;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The store API's one resource: answers only requests the filter let through. */
@RestController
class ProductsController {

    @GetMapping("/stores/{hash}/v3/catalog/products")
    Map<String, Object> list(@PathVariable("hash") String hash, Principal principal) {
        return Map.of("store", hash, "caller", ((ApiPrincipal) principal).getName());
    }

    @PostMapping("/stores/{hash}/v3/catalog/products")
    Map<String, Object> create(@PathVariable("hash") String hash) {
        return Map.of("store", hash, "created", true);
    }
}
