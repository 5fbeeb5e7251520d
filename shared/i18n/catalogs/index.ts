// Every language's server-side catalogs, imported statically: the server renders exports and error
// messages in any language at any time. Pages load theirs on demand instead (../load.ts).
import type { Language } from "../languages";
import en_common from "./en/common";
import en_rules from "./en/rules";
import en_errors from "./en/errors";
import en_report from "./en/report";
import fr_common from "./fr/common";
import fr_rules from "./fr/rules";
import fr_errors from "./fr/errors";
import fr_report from "./fr/report";
import es_common from "./es/common";
import es_rules from "./es/rules";
import es_errors from "./es/errors";
import es_report from "./es/report";
import ar_common from "./ar/common";
import ar_rules from "./ar/rules";
import ar_errors from "./ar/errors";
import ar_report from "./ar/report";
import ru_common from "./ru/common";
import ru_rules from "./ru/rules";
import ru_errors from "./ru/errors";
import ru_report from "./ru/report";
import zh_common from "./zh/common";
import zh_rules from "./zh/rules";
import zh_errors from "./zh/errors";
import zh_report from "./zh/report";
import de_common from "./de/common";
import de_rules from "./de/rules";
import de_errors from "./de/errors";
import de_report from "./de/report";
import pt_common from "./pt/common";
import pt_rules from "./pt/rules";
import pt_errors from "./pt/errors";
import pt_report from "./pt/report";
import en_feedback from "./en/feedback";
import fr_feedback from "./fr/feedback";
import es_feedback from "./es/feedback";
import ar_feedback from "./ar/feedback";
import ru_feedback from "./ru/feedback";
import zh_feedback from "./zh/feedback";
import de_feedback from "./de/feedback";
import pt_feedback from "./pt/feedback";

/** The catalogs the server uses, by language (feedback: the scale's words in the CSV export). `en` is the source; the others are typed against it. */
export const SERVER_CATALOGS = {
  en: { common: en_common, rules: en_rules, errors: en_errors, report: en_report, feedback: en_feedback },
  fr: { common: fr_common, rules: fr_rules, errors: fr_errors, report: fr_report, feedback: fr_feedback },
  es: { common: es_common, rules: es_rules, errors: es_errors, report: es_report, feedback: es_feedback },
  ar: { common: ar_common, rules: ar_rules, errors: ar_errors, report: ar_report, feedback: ar_feedback },
  ru: { common: ru_common, rules: ru_rules, errors: ru_errors, report: ru_report, feedback: ru_feedback },
  zh: { common: zh_common, rules: zh_rules, errors: zh_errors, report: zh_report, feedback: zh_feedback },
  de: { common: de_common, rules: de_rules, errors: de_errors, report: de_report, feedback: de_feedback },
  pt: { common: pt_common, rules: pt_rules, errors: pt_errors, report: pt_report, feedback: pt_feedback },
} satisfies Record<Language, unknown>;

export type ServerCatalogs = (typeof SERVER_CATALOGS)[Language];
