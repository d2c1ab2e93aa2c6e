package io.awslabs.labs.vpc;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The tunnels a VPN connection's CustomerGatewayConfiguration describes, as the on-premises
 * device is told to set them up: for each IPsec tunnel, the outside (public) address of the AWS
 * end and of the customer end. Only addresses are kept: the document also holds the tunnels'
 * pre-shared keys, which never reach a report.
 */
record TunnelConfiguration(List<Tunnel> tunnels) {

    /** One IPsec tunnel: the AWS endpoint's outside address and the customer gateway's. */
    record Tunnel(String awsOutsideAddress, String customerOutsideAddress) { }

    static TunnelConfiguration parse(String customerGatewayConfiguration) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader(customerGatewayConfiguration.strip()))).getDocumentElement();
        NodeList elements = root.getElementsByTagName("ipsec_tunnel");
        List<Tunnel> tunnels = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            Element tunnel = (Element) elements.item(i);
            tunnels.add(new Tunnel(outsideAddress(tunnel, "vpn_gateway"), outsideAddress(tunnel, "customer_gateway")));
        }
        return new TunnelConfiguration(List.copyOf(tunnels));
    }

    List<String> awsOutsideAddresses() {
        return tunnels.stream().map(Tunnel::awsOutsideAddress).toList();
    }

    private static String outsideAddress(Element tunnel, String side) {
        NodeList ends = tunnel.getElementsByTagName(side);
        if (ends.getLength() == 0) {
            return null;
        }
        NodeList outside = ((Element) ends.item(0)).getElementsByTagName("tunnel_outside_address");
        if (outside.getLength() == 0) {
            return null;
        }
        NodeList ip = ((Element) outside.item(0)).getElementsByTagName("ip_address");
        return ip.getLength() == 0 ? null : ip.item(0).getTextContent().strip();
    }
}
