// One section of the report (problems, checks or notes): each line in the current language, with its file name.
import type { ReportLine } from '@toc/verifier/report';
import type { Language } from '../i18n/i18n';

interface ReportLinesProps {
  title: string;
  lines: readonly ReportLine<string>[];
  language: Language;
  kind: 'failure' | 'check' | 'warning';
}

export function ReportLines({ title, lines, language, kind }: ReportLinesProps) {
  if (lines.length === 0) return null;
  const text = (line: ReportLine<string>) => (language === 'th' ? line.messageTh : line.message);
  return (
    <section className={`verify-lines verify-${kind}s`}>
      <h4>{title}</h4>
      <ul>
        {lines.map((line, index) => (
          <li
            key={`${line.code}-${line.path ?? ''}-${index}`}
            className={`verify-line ${kind}`}
            data-testid={`verify-${kind}`}
            data-code={line.code}
            data-path={line.path ?? ''}
          >
            {/* The file name on a line of its own, unless the sentence already starts with it. */}
            {line.path !== undefined && !text(line).startsWith(line.path) && (
              <code className="verify-line-path">{line.path}</code>
            )}
            <span>{text(line)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
