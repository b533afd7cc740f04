import { gradeCode, gradeWording, type Credibility, type Reliability } from '../../main/common/admiralty';
import '../styles/grades.css';

interface Props {
  reliability: Reliability | null;
  credibility: Credibility | null;
  /** The credibility is the passage's document's, not its own. */
  fromDocument?: boolean;
}

/** An Admiralty grade as analysts write it ("B2"), its standard words read out and shown on hover; nothing when ungraded. */
export function GradeBadge({ reliability, credibility, fromDocument = false }: Props) {
  const code = gradeCode(reliability, credibility);
  if (!code) return null;
  const words = `${gradeWording(reliability, credibility)}${fromDocument && credibility !== null ? ' (credibility from its document)' : ''}`;
  return (
    <span className="grade-badge" title={words}>
      <span className="visually-hidden">Grade </span>
      {code}
      <span className="visually-hidden">: {words}</span>
    </span>
  );
}
