package dev.storeauth.demo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicHostTest {

    @ParameterizedTest
    @CsvSource({
        "localhost,           localhost",
        "demo.example.test,   demo.example.test",
        "192.0.2.7,           192.0.2.7",
        "2001:db8::7,         [2001:db8::7]",
        "::1,                 [::1]",
    })
    void aHostIsWrittenForAUrlWithIpv6LiteralsInBrackets(String host, String inUrl) {
        assertEquals(inUrl, PublicHost.inUrl(host));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "localhost|           dns:localhost,ip:127.0.0.1,ip:::1",
        "127.0.0.1|           dns:localhost,ip:127.0.0.1,ip:::1",
        "0:0:0:0:0:0:0:1|     dns:localhost,ip:127.0.0.1,ip:::1",
        "127.0.0.2|           dns:localhost,ip:127.0.0.1,ip:::1,ip:127.0.0.2",
        "demo.example.test|   dns:localhost,ip:127.0.0.1,ip:::1,dns:demo.example.test",
        "2001:db8::7|         dns:localhost,ip:127.0.0.1,ip:::1,ip:2001:db8::7",
    })
    void theCertificateNamesTheLoopbackNamesAndThePublicHostOnce(String host, String names) {
        assertEquals(names, Keytool.subjectAlternativeNames(host));
    }
}
