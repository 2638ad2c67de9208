package org.kefu.web.security;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The websocket Origin rule of {@link BrowserRequests} (issue 14 item 9); the wire is WebHardeningIT's. */
class BrowserRequestsTest {

    @Test
    void theServersOwnOriginIsAllowedWithOrWithoutDefaultPorts() {
        assertThat(BrowserRequests.originAllowed("http://127.0.0.1:8080", "http", "127.0.0.1:8080", Set.of())).isTrue();
        assertThat(BrowserRequests.originAllowed("https://kefu.bank.cn", "https", "kefu.bank.cn:443", Set.of())).isTrue();
        assertThat(BrowserRequests.originAllowed("http://LOCALHOST:8080", "http", "localhost:8080", Set.of())).isTrue();
    }

    @Test
    void aForeignHostPortOrSchemeIsRefused() {
        assertThat(BrowserRequests.originAllowed("http://evil.example", "http", "127.0.0.1:8080", Set.of())).isFalse();
        assertThat(BrowserRequests.originAllowed("http://127.0.0.1:9999", "http", "127.0.0.1:8080", Set.of())).isFalse();
        assertThat(BrowserRequests.originAllowed("http://kefu.bank.cn", "https", "kefu.bank.cn", Set.of())).isFalse();
        assertThat(BrowserRequests.originAllowed("null", "http", "127.0.0.1:8080", Set.of())).isFalse();
        assertThat(BrowserRequests.originAllowed("http://127.0.0.1:8080.evil.example", "http", "127.0.0.1:8080", Set.of())).isFalse();
    }

    @Test
    void aListedOriginIsAllowedAndAMissingOneIsNoBrowsers() {
        assertThat(BrowserRequests.originAllowed("https://console.bank.cn", "http", "10.0.0.5:8080",
                Set.of("https://console.bank.cn"))).isTrue();
        assertThat(BrowserRequests.originAllowed(null, "http", "127.0.0.1:8080", Set.of())).isTrue();
    }
}
