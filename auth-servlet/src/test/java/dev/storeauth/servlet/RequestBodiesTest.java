package dev.storeauth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestBodiesTest {

    private static HttpServletRequest request(long contentLength, String transferEncoding) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getContentLengthLong()).thenReturn(contentLength);
        when(request.getHeader("Transfer-Encoding")).thenReturn(transferEncoding);
        return request;
    }

    @ParameterizedTest
    @CsvSource({"-1, , false", "0, , false", "1, , true", "5000000000, , true", "-1, chunked, true", "0, gzip, true"})
    void aBodyIsDeclaredByAPositiveLengthOrAnyTransferEncoding(long length, String encoding, boolean declared) {
        assertEquals(declared, RequestBodies.declared(request(length, encoding)));
    }

    @Test
    void closesTheConnectionOnlyWhenABodyGoesUnread() {
        HttpServletResponse withBody = mock(HttpServletResponse.class);
        HttpServletResponse withoutBody = mock(HttpServletResponse.class);

        RequestBodies.closeIfUnread(request(12, null), withBody);
        RequestBodies.closeIfUnread(request(-1, null), withoutBody);

        verify(withBody).setHeader("Connection", "close");
        verify(withoutBody, never()).setHeader(anyString(), anyString());
    }

    @Test
    void leavesACommittedResponseAlone() {
        HttpServletResponse committed = mock(HttpServletResponse.class);
        when(committed.isCommitted()).thenReturn(true);

        RequestBodies.closeIfUnread(request(12, null), committed);

        verify(committed, never()).setHeader(anyString(), anyString());
    }
}
