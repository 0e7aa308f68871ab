package dev.storeauth.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedAddressesTest {

    private static final String NOT_LITERALS = "dev.storeauth.net.internal.IpLiteralTest#NOT_LITERALS";
    private static final AllowedAddresses EVERY_BLOCK = AllowedAddresses.parse(List.of("0.0.0.0/0", "::/0"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "203.0.113.0/24                                       | 203.0.113.0/24",
        "203.0.113.7                                          | 203.0.113.7/32",
        "0.0.0.0/0                                            | 0.0.0.0/0",
        "255.255.255.255/32                                   | 255.255.255.255/32",
        "2001:DB8:0:0::/32                                    | 2001:db8::/32",
        "2001:0db8:0000:0000:0000:0000:0000:0000/32           | 2001:db8::/32",
        "2001:db8::1                                          | 2001:db8::1/128",
        "[2001:db8::1]                                        | 2001:db8::1/128",
        "[2001:db8::]/32                                      | 2001:db8::/32",
        "::1                                                  | ::1/128",
        "::                                                   | ::/128",
        "::/0                                                 | ::/0",
        "1:0:0:0:0:0:0:0                                      | 1::/128",
        "fe80::/10                                            | fe80::/10",
        "2001:db8:0:0:1:0:0:1                                 | 2001:db8::1:0:0:1/128",
        "2001:0:0:1:0:0:0:1                                   | 2001:0:0:1::1/128",
        "2001:db8:0:1:1:1:1:1                                 | 2001:db8:0:1:1:1:1:1/128",
        "0:1:0:1:0:1:0:1                                      | 0:1:0:1:0:1:0:1/128",
        "1:2:3:4:5:6:1.2.3.4                                  | 1:2:3:4:5:6:102:304/128",
        "::13.1.68.3                                          | ::d01:4403/128",
        "::ffff:203.0.113.9                                   | 203.0.113.9/32",
        "::ffff:203.0.113.0/120                               | 203.0.113.0/24",
        "::ffff:0:0/96                                        | 0.0.0.0/0",
        "[ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255]/128  | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128",
    })
    void writesEachEntryAsItsCanonicalBlock(String entry, String canonical) {
        assertEquals(List.of(canonical), AllowedAddresses.parse(List.of(entry)).blocks());
        assertEquals(List.of(canonical), new AllowedAddresses(List.of(canonical)).blocks());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "office.example      | is not an IP address or CIDR block: office.example",
        "127.1               | is not an IP address or CIDR block: 127.1",
        "0177.0.0.1/8        | is not an IP address or CIDR block: 0177.0.0.1/8",
        "fe80::1%eth0/64     | is not an IP address or CIDR block: fe80::1%eth0/64",
        "' 10.0.0.0/8'       | is not an IP address or CIDR block:  10.0.0.0/8",
        "''                  | 'is not an IP address or CIDR block: '",
        "/8                  | is not an IP address or CIDR block: /8",
        "10.0.0.0/8/8        | has a prefix length that is not a decimal number without sign or leading zeros: 10.0.0.0/8/8",
        "10.0.0.0/           | has a prefix length that is not a decimal number without sign or leading zeros: 10.0.0.0/",
        "10.0.0.0/08         | has a prefix length that is not a decimal number without sign or leading zeros: 10.0.0.0/08",
        "10.0.0.0/+8         | has a prefix length that is not a decimal number without sign or leading zeros: 10.0.0.0/+8",
        "::/-0               | has a prefix length that is not a decimal number without sign or leading zeros: ::/-0",
        "'10.0.0.0/8 '       | 'has a prefix length that is not a decimal number without sign or leading zeros: 10.0.0.0/8 '",
        "10.0.0.0/33         | has a prefix length outside 0-32: 10.0.0.0/33",
        "::/129              | has a prefix length outside 0-128: ::/129",
        "::ffff:10.0.0.0/8   | has a prefix length outside 96-128: ::ffff:10.0.0.0/8",
        "203.0.113.7/24      | has host bits set: 203.0.113.7/24; did you mean 203.0.113.0/24?",
        "0.0.0.1/0           | has host bits set: 0.0.0.1/0; did you mean 0.0.0.0/0?",
        "2001:db8::1/32      | has host bits set: 2001:db8::1/32; did you mean 2001:db8::/32?",
        "2001:db8::1:0:0:0/64 | has host bits set: 2001:db8::1:0:0:0/64; did you mean 2001:db8::/64?",
        "::ffff:10.1.2.3/104 | has host bits set: ::ffff:10.1.2.3/104; did you mean 10.0.0.0/8?",
    })
    void refusesAnEntryNamingItByIndexAndText(String entry, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AllowedAddresses.parse(List.of("10.0.0.0/8", "2001:db8::/32", entry)));

        assertEquals("allowed_ips[2] " + problem, e.getMessage());
    }

    @ParameterizedTest
    @FieldSource(NOT_LITERALS)
    void refusesEveryTextThatIsNotALiteralAddress(String entry) {
        for (String text : List.of(entry, entry + "/8")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AllowedAddresses.parse(List.of(text)));

            assertTrue(e.getMessage().startsWith("allowed_ips[0] is not an IP address or CIDR block: "), e.getMessage());
        }
    }

    @Test
    void refusesAMissingEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AllowedAddresses.parse(Arrays.asList("10.0.0.0/8", null)));

        assertEquals("allowed_ips[1] is not an IP address or CIDR block: null", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1\n2001:db8::/32", "10.0.0.1\r\nX-Injected: 1", "\u001b[31m10.0.0.1", "10.0.0.1\u202e",
        "10.0.0.1\u0000", "\ud800"})
    void echoesNoControlOrFormatCharacter(String entry) {
        String message = assertThrows(IllegalArgumentException.class, () -> AllowedAddresses.parse(List.of(entry)))
                .getMessage();

        assertTrue(message.chars().allMatch(c -> c >= 0x20 && c < 0x7f), message);
        assertTrue(message.contains("\\u"), message);
    }

    @Test
    void echoesOnlyTheStartOfALongEntry() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> AllowedAddresses.parse(List.of("9".repeat(100_000)))).getMessage();

        assertEquals("allowed_ips[0] is not an IP address or CIDR block: " + "9".repeat(64) + "...", message);
    }

    @Test
    void dropsRepeatedBlocksKeepingTheFirst() {
        AllowedAddresses addresses = AllowedAddresses.parse(List.of("10.0.0.0/8", "203.0.113.5", "10.0.0.0/8",
                "2001:DB8::/32", "203.0.113.5/32", "2001:db8::/32", "::ffff:10.0.0.0/104"));

        assertEquals(List.of("10.0.0.0/8", "203.0.113.5/32", "2001:db8::/32"), addresses.blocks());
    }

    @Test
    void acceptsFiftyEntriesAndRefusesFiftyOne() {
        List<String> fifty = IntStream.range(0, AllowedAddresses.MAX_BLOCKS).mapToObj(i -> "192.0.2." + i).toList();
        List<String> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add("10.0.0.0/8");

        assertEquals(50, AllowedAddresses.parse(fifty).blocks().size());
        assertEquals(50, new AllowedAddresses(AllowedAddresses.parse(fifty).blocks()).blocks().size());
        assertEquals("allowed_ips has 51 entries; at most 50 are allowed",
                assertThrows(IllegalArgumentException.class, () -> AllowedAddresses.parse(fiftyOne)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AllowedAddresses.parse(IntStream.range(0, 51).mapToObj(i -> "10.0.0.1").toList()));
    }

    @Test
    void anEmptyListIsAnywhere() {
        AllowedAddresses none = AllowedAddresses.parse(List.of());

        assertSame(AllowedAddresses.anywhere(), none);
        assertTrue(none.isAnywhere());
        assertEquals(List.of(), none.blocks());
        assertEquals(AllowedAddresses.anywhere(), new AllowedAddresses(List.of()));
        assertFalse(EVERY_BLOCK.isAnywhere());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"203.0.113.9", "2001:db8::1", "not-an-address", "10.0.0.1:443"})
    void anywherePermitsEveryAddressEvenAnUnreadableOne(String address) {
        assertTrue(AllowedAddresses.anywhere().permits(address));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "203.0.113.0/24            | 203.0.113.0                               | true",
        "203.0.113.0/24            | 203.0.113.255                             | true",
        "203.0.113.0/24            | 203.0.114.0                               | false",
        "203.0.113.0/24            | 203.0.112.255                             | false",
        "203.0.113.7               | 203.0.113.7                               | true",
        "203.0.113.7               | 203.0.113.8                               | false",
        "10.0.0.0/31               | 10.0.0.1                                  | true",
        "10.0.0.0/31               | 10.0.0.2                                  | false",
        "128.0.0.0/1               | 255.255.255.255                           | true",
        "128.0.0.0/1               | 127.255.255.255                           | false",
        "0.0.0.0/0                 | 198.51.100.1                              | true",
        "0.0.0.0/0                 | 2001:db8::1                               | false",
        "203.0.113.0/24            | ::ffff:203.0.113.9                        | true",
        "203.0.113.0/24            | [::ffff:203.0.113.9]                      | true",
        "203.0.113.0/24            | ::ffff:cb00:7109                          | true",
        "203.0.113.0/24            | ::ffff:203.0.114.9                        | false",
        "203.0.113.0/24            | ::203.0.113.9                             | false",
        "0.0.0.0/0                 | ::ffff:10.0.0.1                           | true",
        "::/0                      | ::ffff:10.0.0.1                           | false",
        "::/0                      | 2001:db8::1                               | true",
        "::/0                      | 10.0.0.1                                  | false",
        "::1                       | ::1                                       | true",
        "::1                       | [::1]                                     | true",
        "::1                       | ::2                                       | false",
        "::1                       | 127.0.0.1                                 | false",
        "2001:db8::/32             | 2001:db8::                                | true",
        "2001:db8::/32             | 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff    | true",
        "2001:db8::/32             | 2001:db9::                                | false",
        "2001:db8::/32             | 2001:db7:ffff:ffff:ffff:ffff:ffff:ffff    | false",
        "2001:db8::/32             | [2001:db8::1]                             | true",
        "2001:db8::/32             | 2001:DB8:0000::1                          | true",
        "2001:db8::/63             | 2001:db8:0:1:ffff:ffff:ffff:ffff          | true",
        "2001:db8::/63             | 2001:db8:0:2::                            | false",
        "2001:db8:0:1::/64         | 2001:db8:0:1:ffff:ffff:ffff:ffff          | true",
        "2001:db8:0:1::/64         | 2001:db8:0:2::                            | false",
        "2001:db8:0:1::/64         | 2001:db8::ffff:ffff:ffff:ffff             | false",
        "2001:db8::/65             | 2001:db8::7fff:ffff:ffff:ffff             | true",
        "2001:db8::/65             | 2001:db8::8000:0:0:0                      | false",
        "2001:db8::1:0/127         | 2001:db8::1:1                             | true",
        "2001:db8::1:0/127         | 2001:db8::1:2                             | false",
        "10.0.0.0/8 2001:db8::/32  | 2001:db8::5                               | true",
        "10.0.0.0/8 2001:db8::/32  | 10.255.0.1                                | true",
        "10.0.0.0/8 2001:db8::/32  | 192.0.2.1                                 | false",
    })
    void permitsExactlyTheAddressesInsideSomeBlock(String blocks, String address, boolean permitted) {
        assertEquals(permitted, AllowedAddresses.parse(List.of(blocks.split(" "))).permits(address));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @FieldSource(NOT_LITERALS)
    @ValueSource(strings = {" 10.0.0.1", "10.0.0.1 ", "10.0.0.1:443", "[10.0.0.1]:443", "10.0.0.0/8", "::/0",
        "unknown", "_hidden", "\u0000"})
    void permitsNoAddressItCannotRead(String address) {
        assertFalse(EVERY_BLOCK.permits(address));
        assertFalse(EVERY_BLOCK.permits(address == null ? null : address.repeat(1000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:DB8::/32", "10.0.0.1", "[::1]/128", "203.0.113.7/24", "10.0.0.0/08", "office.example"})
    void theConstructorTakesOnlyCanonicalBlocks(String block) {
        assertThrows(IllegalArgumentException.class, () -> new AllowedAddresses(List.of(block)));
    }

    @Test
    void theConstructorRefusesRepeatsAndMissingBlocks() {
        assertEquals("blocks[1] repeats 10.0.0.0/8", assertThrows(IllegalArgumentException.class,
                () -> new AllowedAddresses(List.of("10.0.0.0/8", "10.0.0.0/8"))).getMessage());
        assertEquals("blocks[0] is not in canonical form: 2001:DB8::/32; write 2001:db8::/32",
                assertThrows(IllegalArgumentException.class,
                        () -> new AllowedAddresses(List.of("2001:DB8::/32"))).getMessage());
        assertThrows(NullPointerException.class, () -> new AllowedAddresses(Arrays.asList("10.0.0.0/8", null)));
        assertThrows(NullPointerException.class, () -> new AllowedAddresses(null));
    }

    @Test
    void isEqualByItsBlocksInOrder() {
        AllowedAddresses parsed = AllowedAddresses.parse(List.of("2001:DB8::/32", "203.0.113.7"));
        AllowedAddresses constructed = new AllowedAddresses(List.of("2001:db8::/32", "203.0.113.7/32"));

        assertEquals(constructed, parsed);
        assertEquals(constructed.hashCode(), parsed.hashCode());
        assertNotEquals(new AllowedAddresses(List.of("203.0.113.7/32", "2001:db8::/32")), parsed);
        assertNotEquals(AllowedAddresses.anywhere(), parsed);
    }

    @Test
    void holdsACopyOfItsBlocks() {
        List<String> blocks = new ArrayList<>(List.of("10.0.0.0/8"));
        AllowedAddresses addresses = new AllowedAddresses(blocks);
        blocks.add("192.0.2.0/24");

        assertEquals(List.of("10.0.0.0/8"), addresses.blocks());
        assertThrows(UnsupportedOperationException.class, () -> addresses.blocks().add("192.0.2.0/24"));
    }

    @Test
    void showsItsBlocks() {
        assertEquals("AllowedAddresses[blocks=[203.0.113.0/24, 2001:db8::/32]]",
                AllowedAddresses.parse(List.of("203.0.113.0/24", "2001:db8::/32")).toString());
        assertEquals("AllowedAddresses[blocks=[]]", AllowedAddresses.anywhere().toString());
    }
}
