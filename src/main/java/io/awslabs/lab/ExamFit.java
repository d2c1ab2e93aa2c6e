package io.awslabs.lab;

import java.util.List;

/**
 * Where a lab sits in the exam: its domain, the task statement of the exam guide it practises
 * ("1.3 Determine appropriate data security controls"), and the numbers of the learner's own
 * practice questions it answers.
 */
public record ExamFit(ExamDomain domain, String taskStatement, List<Integer> questions) {
    public ExamFit {
        if (taskStatement == null || !taskStatement.matches("[1-4]\\.\\d .+")) {
            throw new IllegalArgumentException("a task statement starts with its number, such as '1.3 Determine ...': "
                    + taskStatement);
        }
        if (!taskStatement.startsWith(String.valueOf(domain.ordinal() + 1))) {
            throw new IllegalArgumentException("task statement " + taskStatement + " is not in domain " + domain.title());
        }
        questions = List.copyOf(questions);
    }
}
