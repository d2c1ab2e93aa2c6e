package io.awslabs.labs.vpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TunnelConfigurationTest {
    /** The shape AWS documents for CustomerGatewayConfiguration, shortened, with two tunnels to two AWS endpoints. */
    private static final String AWS_SHAPED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <vpn_connection id="vpn-0123">
              <customer_gateway_id>cgw-0123</customer_gateway_id>
              <vpn_gateway_id>vgw-0123</vpn_gateway_id>
              <ipsec_tunnel>
                <customer_gateway><tunnel_outside_address><ip_address>203.0.113.12</ip_address></tunnel_outside_address></customer_gateway>
                <vpn_gateway><tunnel_outside_address><ip_address>3.0.0.1</ip_address></tunnel_outside_address></vpn_gateway>
                <ike><pre_shared_key>first-secret</pre_shared_key></ike>
              </ipsec_tunnel>
              <ipsec_tunnel>
                <customer_gateway><tunnel_outside_address><ip_address>203.0.113.12</ip_address></tunnel_outside_address></customer_gateway>
                <vpn_gateway><tunnel_outside_address><ip_address>52.0.0.2</ip_address></tunnel_outside_address></vpn_gateway>
                <ike><pre_shared_key>second-secret</pre_shared_key></ike>
              </ipsec_tunnel>
            </vpn_connection>
            """;

    @Test
    void readsEachTunnelsOutsideAddressesAndNothingElse() throws Exception {
        TunnelConfiguration config = TunnelConfiguration.parse(AWS_SHAPED);

        assertThat(config.awsOutsideAddresses()).containsExactly("3.0.0.1", "52.0.0.2");
        assertThat(config.tunnels()).extracting(TunnelConfiguration.Tunnel::customerOutsideAddress)
                .containsExactly("203.0.113.12", "203.0.113.12");
        assertThat(config.toString()).doesNotContain("secret");
    }

    @Test
    void aConfigurationWithoutTunnelsHasNone() throws Exception {
        assertThat(TunnelConfiguration.parse("  <vpn_connection id=\"vpn-1\"/>  ").tunnels()).isEmpty();
    }
}
