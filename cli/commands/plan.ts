/**
 * `nines plan FILE --pdf OUT | --docx OUT | --md OUT [--variant ID] [--date YYYY-MM-DD]`: the
 * contingency plan of one variant (the first unless named), written in every format asked for.
 * The date defaults to today's, read here: the core never reads a clock.
 */
import {
  PLAN_FORMATS,
  renderPlan,
  startPdfWriter,
  writePlanFile,
  type PdfWriter,
  type PlanFormat,
} from '../plan-io';
import type { Command } from './command';
import { EXIT, loadOrReport, type CliIo } from '../io';
import { printable } from '../../shared/text';
import { isCalendarDate } from '../../shared/catalog/price-book';
import { writeFileAtomic } from '../../system';

/** Today's date as `YYYY-MM-DD` in local time. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const planCommand: Command = {
  name: 'plan',
  usage: 'nines plan FILE --pdf OUT | --docx OUT | --md OUT [--variant ID] [--date YYYY-MM-DD]',
  summary: 'Write the contingency plan (NIST SP 800-34 outline) as PDF, DOCX and/or Markdown.',
  options: {
    pdf: { type: 'string' },
    docx: { type: 'string' },
    md: { type: 'string' },
    variant: { type: 'string' },
    date: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    const outputs = PLAN_FORMATS.flatMap((format): [PlanFormat, string][] => {
      const path = values[format];
      return typeof path === 'string' ? [[format, path]] : [];
    });
    const date = typeof values.date === 'string' ? values.date : today();
    if (file === undefined || positionals.length !== 1 || outputs.length === 0) return EXIT.usage;
    if (!isCalendarDate(date)) {
      io.stderr.write(`nines plan: --date must be a date YYYY-MM-DD, not "${date}"\n`);
      return EXIT.usage;
    }
    // The PDF writer starts first, on the other core: it loads while the plan is built here.
    const pdfWriter = outputs.some(([format]) => format === 'pdf')
      ? stoppedAfterOnePdf(startPdfWriter())
      : undefined;
    try {
      return await writePlan(
        file,
        outputs,
        date,
        typeof values.variant === 'string' ? values.variant : undefined,
        io,
        pdfWriter,
      );
    } finally {
      pdfWriter?.close();
    }
  },
};

/**
 * `writer`, stopped as soon as it has answered its first request: a plan has one PDF, and the
 * thread then winds down (its heap freed) on its own core while this one writes the files,
 * rather than after them (10–20 ms of a run's end).
 */
export function stoppedAfterOnePdf(writer: PdfWriter): PdfWriter {
  return {
    write: (doc) => writer.write(doc).finally(() => writer.close()),
    close: () => writer.close(),
  };
}

/**
 * Loads `file`, builds the plan of the variant `variantId` (the first when undefined) as of
 * `date` and writes it in each of `outputs`, the PDF through `pdfWriter`; resolves to the exit
 * code.
 */
async function writePlan(
  file: string,
  outputs: readonly [PlanFormat, string][],
  date: string,
  variantId: string | undefined,
  io: CliIo,
  pdfWriter: PdfWriter | undefined,
): Promise<number> {
  const document = await loadOrReport(io, file);
  if (!document) return EXIT.invalid;
  // The plan's content loads only here, and renderPlan loads pdfmake or docx only for the
  // formats asked for: the other commands start without them.
  const [{ buildPlan }, { checkedOnFailure, readBundledPriceBook }] = await Promise.all([
    import('../../shared/plan/content/build-plan'),
    import('../price-files'),
  ]);
  // Only the bulk prices of the providers the design uses, as the app loads them: the prices
  // looked up are the same, and the other providers' parts cost a quarter second to read.
  const providers = document.variants.flatMap((variant) =>
    variant.nodes.flatMap((node) => (node.kind === 'region' ? [node.provider] : [])),
  );
  const prices = await readBundledPriceBook(providers);
  const result = checkedOnFailure(prices.check, () =>
    buildPlan(document, {
      ...(variantId === undefined ? {} : { variantId }),
      priceBook: prices.book,
      date,
    }),
  );
  if (!result.ok) {
    prices.check();
    for (const issue of result.issues) {
      io.stderr.write(`${file}: ${issue.severity}: ${issue.message}\n`);
    }
    return EXIT.invalid;
  }
  // The PDF is sent to its thread first, and the bundled prices the plan was built from are
  // checked while it is laid out there (they were read unchecked so that it got there sooner);
  // a broken installation stops the command here, before any file is written. The other
  // formats are then written on this thread. Each file is reported in order; one that cannot be
  // written stops none of the others.
  const pdf = outputs.some(([format]) => format === 'pdf')
    ? renderPlan(result.plan, 'pdf', pdfWriter)
    : undefined;
  // Its failure is reported below, with its file; if the check throws, it is not waited for.
  pdf?.catch(() => undefined);
  prices.check();
  const writes = outputs.map(([format, path]) =>
    (format === 'pdf' && pdf
      ? pdf.then((bytes) => writeFileAtomic(path, bytes))
      : writePlanFile(result.plan, format, path, pdfWriter)
    ).then(
      () => undefined,
      (error: unknown) => error as Error,
    ),
  );
  let code: number = EXIT.ok;
  for (const [index, [format, path]] of outputs.entries()) {
    const error = await writes[index];
    if (error) {
      io.stderr.write(`${path}: cannot write: ${error.message}\n`);
      code = EXIT.invalid;
    } else {
      io.stdout.write(
        `${path}: ${format.toUpperCase()} plan of ${printable(result.context.variant.name)}\n`,
      );
    }
  }
  return code;
}
