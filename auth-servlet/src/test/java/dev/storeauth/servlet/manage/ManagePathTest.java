package dev.storeauth.servlet.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManagePathTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "/abc123/api-accounts           | abc123 | api-accounts",
        "/abc123/api-accounts/          | abc123 | api-accounts",
        "/abc123/legacy-accounts/b+b/token | abc123 | legacy-accounts,b+b,token",
        "/abc123                        | abc123 | ''",
        "/ABC123/api-accounts           | NULL   | ''",
        "/                              | NULL   | ''",
        "abc123/api-accounts            | NULL   | ''",
        "NULL                           | NULL   | ''",
    })
    void parsesTheStoreHashAndSegments(String pathInfo, String store, String segments) {
        Optional<ManagePath> parsed = ManagePath.parse(pathInfo);
        assertEquals(Optional.ofNullable(store), parsed.map(ManagePath::storeHash));
        parsed.ifPresent(p -> assertEquals(segments.isEmpty() ? List.of() : List.of(segments.split(",")),
                p.segments()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/abc123/api-accounts/x1       | true",
        "/abc123/api-accounts          | false",
        "/abc123/api-accounts/x1/more  | false",
        "/abc123/legacy-accounts/x1    | false",
        "/abc123/api-accounts//        | false",
    })
    void matchesAWildcardSegmentOnlyWhenNonEmpty(String pathInfo, boolean matches) {
        assertEquals(matches, ManagePath.parse(pathInfo).orElseThrow().is("api-accounts", "*"));
    }
}
