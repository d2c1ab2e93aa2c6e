package io.awslabs.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.ReportText;
import io.awslabs.resources.TeardownWords;
import io.awslabs.targets.TargetWords;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import io.awslabs.text.TextFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a run writes as it goes (teardown messages, notes, progress lines) is made with a key and
 * said when it is read: every key the code names is in its bundle in English and in Chinese, the
 * Chinese with Chinese in it. A key that only one language has, or none, fails here, not in a
 * learner's report.
 */
class RunTextsInChineseTest {
    private record Bundle(Class<?> anchor, String name, Pattern uses) { }

    private static final List<Bundle> BUNDLES = List.of(
            new Bundle(TeardownWords.class, TeardownWords.BUNDLE, Pattern.compile(
                    "(?:new Gone\\(|new Scheduled\\([^,]+,|TeardownWords\\.phrase\\()\\s*\"([\\w.]+)\"")),
            new Bundle(TargetWords.class, TargetWords.BUNDLE, Pattern.compile("TargetWords\\.phrase\\(\\s*\"([\\w.]+)\"")),
            new Bundle(RunWords.class, "progress", Pattern.compile("RunWords\\.(?:phrase\\(\\s*\"([\\w.]+)\"|(created)\\()")),
            new Bundle(ReportText.class, "messages", Pattern.compile("phrases\\(lang\\)\\.get\\(\\s*\"([\\w.]+)\"")));

    @Test
    void everyKeyTheCodeSaysARunWithIsInBothLanguages() throws IOException {
        List<String> missing = new ArrayList<>();
        int used = 0;
        for (Bundle bundle : BUNDLES) {
            Map<String, String> english = TextFile.read(bundle.anchor(), Messages.fileName(bundle.name(), Lang.EN)).orElseThrow();
            Map<String, String> chinese = TextFile.read(bundle.anchor(), Messages.fileName(bundle.name(), Lang.ZH)).orElseThrow();
            for (String key : keysUsed(bundle.uses())) {
                used++;
                if (!english.containsKey(key)) missing.add(bundle.name() + "_en lacks " + key);
                String zh = chinese.get(key);
                if (zh == null || !zh.matches("(?s).*\\p{IsHan}.*")) missing.add(bundle.name() + "_zh lacks " + key);
            }
        }

        assertThat(used).as("keys found in the sources").isGreaterThan(40);
        assertThat(missing).isEmpty();
    }

    /** A lab names its steps and waits with keys of the run bundle next to it ({@link LabWords}). */
    @Test
    void everyStepAndWaitALabNamesIsInItsPackagesBundleInBothLanguages() throws IOException {
        Pattern uses = Pattern.compile("(?:ctx\\.words\\(|LabWords\\.of\\(\\w+\\.class,)\\s*\"([\\w.]+)\"");
        List<String> missing = new ArrayList<>();
        int used = 0;
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources.resolve("io/awslabs/labs"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path bundles = Path.of("src/main/resources").resolve(sources.relativize(file.getParent()));
                Map<String, String> english = read(bundles.resolve(Messages.fileName(LabWords.BUNDLE, Lang.EN)));
                Map<String, String> chinese = read(bundles.resolve(Messages.fileName(LabWords.BUNDLE, Lang.ZH)));
                Matcher m = uses.matcher(Files.readString(file));
                while (m.find()) {
                    used++;
                    String key = m.group(1);
                    if (!english.containsKey(key)) missing.add(file.getFileName() + ": run_en lacks " + key);
                    String zh = chinese.get(key);
                    if (zh == null || !zh.matches("(?s).*\\p{IsHan}.*")) missing.add(file.getFileName() + ": run_zh lacks " + key);
                }
            }
        }

        assertThat(used).as("step and wait keys found in the labs").isGreaterThan(60);
        assertThat(missing).isEmpty();
    }

    private static Map<String, String> read(Path bundle) throws IOException {
        if (!Files.exists(bundle)) return Map.of();
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(bundle, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Map<String, String> texts = new java.util.HashMap<>();
        p.forEach((k, v) -> texts.put((String) k, (String) v));
        return texts;
    }

    private static List<String> keysUsed(Pattern uses) throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = uses.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1) != null ? m.group(1) : m.group(m.groupCount()));
                }
            }
        }
        return keys;
    }
}
