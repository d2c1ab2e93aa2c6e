package io.awslabs.lab;

/**
 * The four domains of the AWS Certified Solutions Architect - Associate exam (SAA-C03), with the
 * share of scored content each one has in the exam guide.
 */
public enum ExamDomain {
    SECURE("Design Secure Architectures", 30),
    RESILIENT("Design Resilient Architectures", 26),
    HIGH_PERFORMING("Design High-Performing Architectures", 24),
    COST_OPTIMIZED("Design Cost-Optimized Architectures", 20);

    private final String title;
    private final int weightPercent;

    ExamDomain(String title, int weightPercent) {
        this.title = title;
        this.weightPercent = weightPercent;
    }

    public String title() {
        return title;
    }

    public int weightPercent() {
        return weightPercent;
    }
}
