import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '#shared/api/client';
import { createHttpTransport } from '#shared/api/httpTransport';
import { submissionMaxLength } from '#shared/dialogue/model';
import { vietnamDate } from '#shared/format/vietnamTime';
import { startHarness, type Harness } from '../helpers/serverHarness';
import { agreementBody } from '../negotiation/negotiationFixture';
import { artifactRecorder, joinWithLink, launchChromium, watchErrors } from './browser';

// A workplace dialogue in Chromium, as the people at it see it, in Vietnamese: two workers send
// questions through the public page without an account, the employer side's organiser builds the
// agenda from them and holds the dialogue (one question answered in the meeting, one assigned for
// a written answer and answered), both sides sign the minutes, the main content is published, and
// the public page shows the answers (and, once, in English).

const viewport = { width: 1280, height: 900 };
const today = vietnamDate(Date.now());

/** A page's visible text once `expected` shows in it. */
async function shows(target: Page | Locator, expected: string | RegExp): Promise<string> {
  const main = 'locator' in target ? target.locator('main') : target;
  await expect.poll(() => main.innerText(), { timeout: 15_000 }).toMatch(expected);
  return main.innerText();
}

/** A worker, in a browser profile of their own, sends a question through the dialogue's link: no account, no name asked first. */
async function workerSubmits(browser: Browser, url: string, code: string, question: string, name?: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(`${url}/#/ask/${code}`);
  await shows(page, 'Gửi ý kiến cho cuộc đối thoại');
  await page.getByLabel('Câu hỏi hoặc kiến nghị').fill(question);
  if (name) await page.getByLabel('Họ và tên (không bắt buộc)').fill(name);
  await page.getByRole('button', { name: 'Gửi ý kiến' }).click();
  return page;
}

describe('E2E a workplace dialogue in Chromium: public submissions, the meeting, signatures, publication', () => {
  let harness: Harness;
  let browser: Browser;
  beforeAll(async () => {
    harness = await startHarness();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.dispose();
  });

  it('two workers ask, the organiser answers one in the meeting and one in writing, both sides sign, and the public page shows the answers', async () => {
    const shot = artifactRecorder('dialogue');
    const document = await harness.server.handlers['documents/create'](
      { kind: 'enterprise_agreement', title: 'Thỏa ước lao động tập thể Công ty May Sông Hồng 2027', content: agreementBody(), variables: {}, language: 'vi' },
      { kind: 'admin' },
    );
    const host = await (await browser.newContext({ viewport })).newPage();
    const errors = watchErrors(host);
    host.on('dialog', (dialog) => void dialog.accept());
    await host.goto(harness.server.hostUrl);
    await host.getByLabel('Tên hiển thị').fill('Chị Lan (Nhân sự)');
    await host.getByRole('button', { name: 'Tiếp tục' }).click();
    await host.getByRole('link', { name: 'Mở khu vực đối thoại' }).click();
    await shows(host, 'Chưa có cuộc đối thoại nào.');

    // Creating the dialogue: its kind, the enterprise and headcount, the meeting, both sides.
    await host.getByRole('button', { name: 'Cuộc đối thoại mới' }).click();
    await host.getByLabel('Tên cuộc đối thoại').fill('Đối thoại định kỳ năm 2027');
    await host.getByLabel('Doanh nghiệp (hoặc liên đoàn lao động chủ trì)').fill('Công ty TNHH May Sông Hồng');
    await host.getByLabel('Số người lao động').fill('40');
    await host.getByLabel('Ngày họp').fill(today);
    await host.getByLabel('Giờ họp').fill('14:00');
    await host.getByLabel('Địa điểm').fill('Phòng họp số 1');
    for (const [side, lines] of [
      ['employer', 'Ông Tuấn; Giám đốc\nChị Lan; Trưởng phòng Nhân sự\nAnh Phúc; Quản đốc'],
      ['union', 'Anh Minh; Chủ tịch Công đoàn cơ sở\nChị Hoa; Tổ trưởng\nAnh Dũng; Công nhân'],
    ] as const) {
      const fieldset = host.getByTestId(`participants-${side}`);
      await fieldset.getByText('Dán danh sách bên này').click();
      await fieldset.getByRole('textbox', { name: 'Dán danh sách bên này' }).fill(lines);
      await fieldset.getByRole('button', { name: 'Thêm các dòng này' }).click();
    }
    await host.getByTestId('participants-employer').getByLabel('Đại diện theo pháp luật').first().check();
    await shot(host, 'create-dialogue');
    await host.getByRole('button', { name: 'Tạo cuộc đối thoại' }).click();

    let page = await shows(host, 'Bạn tổ chức cuộc đối thoại này (bên người sử dụng lao động).');
    expect(page).toContain('Đối thoại định kỳ năm 2027');
    expect(page).toMatch(/Gửi nội dung đối thoại cho bên kia: Quá hạn \d{2}\/\d{2}\/\d{4} \(Điều 39 Nghị định 145\/2020\/NĐ-CP\)/);
    expect(page).toMatch(/Điều 39 Nghị định 145\/2020\/NĐ-CP/);
    expect(page).toContain('Bên người lao động: 3 người — theo số người lao động cần ít nhất 3 người');
    await shows(host, 'Chưa có ý kiến nào. Gửi đường dẫn ở trên cho người lao động, hoặc ghi lại ý kiến đã thu thập.');
    const code = /Mã: (\S+)/.exec(await host.getByTestId('dialogue-code').innerText())?.[1];
    if (!code) throw new Error('no code on the dialogue’s page');
    const dialogueUrl = host.url();

    // Two workers ask through the public page; each reads their receipt and nobody else's question.
    const first = await workerSubmits(browser, harness.server.url, code, 'Đề nghị tăng phụ cấp nhà trọ cho công nhân ở xa.', 'Chị Mai');
    const receipt = await shows(first, /Đã nhận ý kiến số 1 lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    expect(receipt).toContain('Sau khi gửi: đại diện hai bên gộp các ý kiến giống nhau');
    const second = await workerSubmits(browser, harness.server.url, code, 'Khi nào công ty trả lương tháng 13?');
    expect(await shows(second, 'Đã nhận ý kiến số 2')).not.toContain('phụ cấp nhà trọ');
    await shot(second, 'worker-receipt');
    const third = await workerSubmits(browser, harness.server.url, code, 'Xin tăng tiền hỗ trợ nhà trọ.');
    await shows(third, 'Đã nhận ý kiến số 3');

    // The agenda, built from both submissions, is sent.
    await host.reload();
    page = await shows(host, 'Xin tăng tiền hỗ trợ nhà trọ.');
    expect(page).toContain('Ý kiến của người lao động (3)');
    expect(page).toContain('Không ghi tên');

    // The same question twice: the third is merged into the first, which keeps its wording.
    const items = host.getByTestId('submission');
    await items.nth(0).getByRole('checkbox', { name: 'Chọn' }).check();
    await items.nth(2).getByRole('checkbox', { name: 'Chọn' }).check();
    await host.getByRole('button', { name: 'Gộp các ý kiến đã chọn vào ý kiến số 1' }).click();
    page = await shows(host, 'Các ý kiến đã gộp vào:');
    expect(page).toContain('2 người cùng hỏi');
    expect(page).toContain('Ý kiến số 3: Xin tăng tiền hỗ trợ nhà trọ.');
    expect(await items.count()).toBe(2);

    for (const box of await host.getByTestId('submissions').getByRole('checkbox', { name: 'Chọn' }).all()) await box.check();
    await host.getByRole('button', { name: 'Thêm nội dung từ 2 ý kiến đã chọn' }).click();
    await host.getByTestId('agenda').getByLabel('Nội dung', { exact: true }).fill('Nhà trọ và lương tháng 13');
    await host.getByRole('button', { name: 'Gửi nội dung cho bên người lao động' }).click();
    page = await shows(host, `Đã gửi nội dung ngày ${today.split('-').reverse().join('/')}.`);
    // Sent, the agenda can still be corrected until the meeting.
    expect(page).toContain('(2 ý kiến)');
    expect(await host.getByTestId('agenda').getByLabel('Nội dung', { exact: true }).inputValue()).toBe('Nhà trọ và lương tháng 13');

    // The meeting: everyone present, the quorum as the server reports it.
    await host.getByRole('button', { name: 'Đánh dấu tất cả' }).click();
    await host.getByRole('button', { name: 'Ghi lại điểm danh' }).click();
    page = await shows(host, 'Có mặt: 3/3 thành viên bên người lao động');
    expect(page).toContain('Đủ điều kiện tiến hành.');

    // One answer in the meeting, one assigned in writing to a department, then given.
    await items.nth(0).getByText('Xử lý ý kiến', { exact: true }).click();
    await items.nth(0).getByLabel('Nội dung trả lời').fill('Công ty tăng phụ cấp nhà trọ lên 500.000 đồng từ tháng 4.');
    await items.nth(0).getByRole('button', { name: 'Trả lời trực tiếp tại đối thoại' }).click();
    await shows(host, 'Công ty tăng phụ cấp nhà trọ lên 500.000 đồng từ tháng 4.');
    await items.nth(1).getByText('Xử lý ý kiến', { exact: true }).click();
    await items.nth(1).getByRole('combobox', { name: 'Người hoặc đơn vị trả lời' }).selectOption('department');
    await items.nth(1).getByPlaceholder('Người hoặc đơn vị trả lời').fill('Phòng Kế toán');
    await items.nth(1).getByLabel('Hạn trả lời').fill(today);
    await items.nth(1).getByRole('button', { name: 'Giao trả lời bằng văn bản' }).click();
    await shows(host, `Giao cho Phòng Kế toán, hạn ${today.split('-').reverse().join('/')}`);
    await items.nth(1).getByText('Xử lý ý kiến', { exact: true }).click();
    await items.nth(1).getByLabel('Nội dung trả lời').fill('Lương tháng 13 được trả trước ngày 20 tháng Chạp.');
    await items.nth(1).getByRole('button', { name: 'Ghi lại câu trả lời bằng văn bản' }).click();
    page = await shows(host, 'Lương tháng 13 được trả trước ngày 20 tháng Chạp.');
    expect(page).toContain('Đã trả lời bằng văn bản');
    await shot(host, 'answers');

    // Each side signs for itself: the employer side here, the union's chair on their own seat.
    await host.getByTestId('sign-employer').getByLabel('Người ký cho bên mình').fill('Ông Tuấn');
    await host.getByRole('button', { name: 'Ký biên bản cho Bên người sử dụng lao động' }).click();
    await shows(host, /Bên người sử dụng lao động: Ông Tuấn đã ký ngày/);
    const union = await joinWithLink(
      await browser.newContext({ viewport }),
      harness.server.url,
      (await harness.server.handlers['invitations/create']({ documentId: document.id, side: 'union', validForHours: 24 }, { kind: 'admin' })).code,
      'Anh Minh',
    );
    union.on('dialog', (dialog) => void dialog.accept());
    watchErrors(union, errors);
    await union.goto(dialogueUrl);
    await shows(union, 'Bạn thuộc bên người lao động.');

    // The worker side links the question on pay to the agreement's article, and turns it into a proposal: the server decides how.
    const pay = union.getByTestId('submission').nth(1);
    await pay.getByText('Xử lý ý kiến', { exact: true }).click();
    await pay.getByRole('combobox', { name: 'Điều' }).selectOption({ label: 'Điều 3. Tiền lương' });
    await pay.getByRole('button', { name: 'Gắn với điều khoản' }).click();
    await shows(union, 'Gắn với Điều 3. Tiền lương của “Thỏa ước lao động tập thể Công ty May Sông Hồng 2027”');
    await union.getByTestId('submission').nth(1).getByText('Xử lý ý kiến', { exact: true }).click();
    await union.getByRole('button', { name: 'Đưa thành đề xuất sửa đổi điều khoản' }).click();
    const bargaining = (await harness.server.handlers['documents/get']({ documentId: document.id }, { kind: 'admin' })).lifecycleState === 'bargaining';
    await shows(
      union,
      bargaining
        ? 'Đã đưa thành đề xuất sửa đổi trong vòng thương lượng của văn bản.'
        : 'Văn bản chưa ở vòng thương lượng: ý kiến được giữ làm dự thảo lập trường của bên người lao động.',
    );
    await union.getByRole('button', { name: 'Ký biên bản cho Bên người lao động' }).click();
    await shows(union, /Bên người lao động: Anh Minh đã ký ngày/);
    await shot(union, 'union-signed');

    // A commitment made in the meeting, followed until done once the main content is published.
    await host.reload();
    await host.getByLabel('Nội dung cam kết').fill('Tăng phụ cấp nhà trọ lên 500.000 đồng');
    await host.getByTestId('commitments').getByPlaceholder('Người hoặc đơn vị thực hiện').fill('Phòng Hành chính');
    await host.getByRole('button', { name: 'Thêm cam kết' }).click();
    await shows(host, 'Tăng phụ cấp nhà trọ lên 500.000 đồng — Phòng Hành chính — Không ấn định thời hạn');
    await host.getByLabel('Nội dung chính để phổ biến đến người lao động').fill('Hai bên thống nhất tăng phụ cấp nhà trọ từ tháng 4.');
    await host.getByRole('button', { name: 'Công bố', exact: true }).click();
    await shows(host, /Đã công bố ngày/);
    await host.getByRole('button', { name: 'Đã thực hiện' }).click();
    page = await shows(host, /Tăng phụ cấp nhà trọ lên 500\.000 đồng — Phòng Hành chính — Đã thực hiện ngày/);
    expect(page).toContain('Đối thoại định kỳ · Công ty TNHH May Sông Hồng · Đã hoàn tất');

    const [download] = await Promise.all([host.waitForEvent('download'), host.getByTestId('paper-minutes').getByRole('button', { name: 'PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('Biên bản đối thoại - Đối thoại định kỳ năm 2027.pdf');
    await shows(host, 'Đã tạo tệp “Biên bản đối thoại - Đối thoại định kỳ năm 2027.pdf”.');
    await shot(host, 'published');

    // The public page: the main content, the answers without who asked, the commitments.
    await first.goto(`${harness.server.url}/#/answers/${code}`);
    const results = await shows(first, 'Hai bên thống nhất tăng phụ cấp nhà trọ từ tháng 4.');
    expect(results).toMatch(
      /Ý kiến số 1[\s\S]*Đề nghị tăng phụ cấp nhà trọ cho công nhân ở xa\.[\s\S]*Trả lời tại đối thoại: Công ty tăng phụ cấp nhà trọ lên 500\.000 đồng từ tháng 4\./,
    );
    expect(results).toMatch(
      /Ý kiến số 2[\s\S]*Khi nào công ty trả lương tháng 13\?[\s\S]*Trả lời bằng văn bản: Lương tháng 13 được trả trước ngày 20 tháng Chạp\./,
    );
    expect(results).toContain('2 người cùng hỏi');
    expect(results).toMatch(/Tăng phụ cấp nhà trọ lên 500\.000 đồng — Phòng Hành chính — Đã thực hiện/);
    expect(results).not.toContain('Chị Mai');
    await shot(first, 'public-answers');
    await first.getByLabel('Ngôn ngữ').selectOption('en');
    expect(await shows(first, 'Answers to the workers’ questions')).toContain('Answered in the dialogue: Công ty tăng phụ cấp nhà trọ');
    expect(errors).toEqual([]);
  }, 120_000);

  it('the worker side asks for a dialogue, the employer side replies in writing in time and sets the meeting', async () => {
    const document = await harness.server.handlers['documents/create'](
      { kind: 'enterprise_agreement', title: 'Thỏa ước lao động tập thể Công ty May Hà Nam 2027', content: agreementBody(), variables: {}, language: 'vi' },
      { kind: 'admin' },
    );
    const invite = async (side: 'employer' | 'union') =>
      (await harness.server.handlers['invitations/create']({ documentId: document.id, side, validForHours: 24 }, { kind: 'admin' })).code;
    const union = await joinWithLink(await browser.newContext({ viewport }), harness.server.url, await invite('union'), 'Anh Khoa (Công đoàn)');
    const employer = await joinWithLink(await browser.newContext({ viewport }), harness.server.url, await invite('employer'), 'Chị Ngọc (Nhân sự)');
    const errors = watchErrors(union, watchErrors(employer));
    employer.on('dialog', (dialog) => void dialog.accept());

    await union.goto(`${harness.server.url}/#/dialogues`);
    await union.getByRole('button', { name: 'Yêu cầu đối thoại' }).click();
    await union.getByLabel('Tên cuộc đối thoại').fill('Đối thoại về ca đêm');
    await union.getByLabel('Doanh nghiệp (hoặc liên đoàn lao động chủ trì)').fill('Công ty TNHH May Hà Nam');
    await union.getByLabel('Số người lao động').fill('120');
    await union.getByLabel('Số thành viên đại diện đồng ý').fill('3');
    await union.getByLabel('Tổng số thành viên đại diện bên người lao động').fill('6');
    await union.getByLabel('Nội dung đề nghị đối thoại').fill('Bố trí xe đưa đón cho ca đêm.');
    await union.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    let page = await shows(union, 'Bố trí xe đưa đón cho ca đêm.');
    expect(page).toContain('được 3/6 thành viên đại diện đồng ý');
    expect(page).toMatch(/Trả lời bằng văn bản yêu cầu đối thoại: Hạn \d{2}\/\d{2}\/\d{4} — còn 5 ngày làm việc \(Điều 40 Nghị định 145\/2020\/NĐ-CP\)/);

    await employer.goto(union.url());
    await employer.getByLabel('Trả lời bằng văn bản', { exact: true }).fill('Công ty đồng ý đối thoại trong tháng này.');
    await employer.getByRole('button', { name: 'Gửi trả lời' }).click();
    page = await shows(employer, /Đã trả lời ngày/);
    expect(page).toMatch(/Trả lời bằng văn bản yêu cầu đối thoại: Đã làm đúng hạn/);
    expect(page).toContain('Đang chuẩn bị');

    await employer.getByText('Sửa thời gian, địa điểm, thành phần').click();
    await employer.getByLabel('Ngày họp').fill(today);
    await employer.getByLabel('Địa điểm').fill('Nhà ăn ca');
    await employer.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await shows(employer, `Họp ngày ${today.split('-').reverse().join('/')} — Nhà ăn ca`);
    await artifactRecorder('dialogue-request')(employer, 'replied-and-planned');
    expect(errors).toEqual([]);
  });

  it('the public page says the server’s limits in the worker’s language: a question too long, a flood from one network', async () => {
    const host = createApiClient(
      createHttpTransport({ baseUrl: harness.server.url, token: await harness.server.authentication.createAdminToken('e2e'), fetch }),
    );
    const created = await host.call('dialogues/create', {
      kind: 'worker_conference',
      title: 'Hội nghị người lao động năm 2027',
      enterprise: { name: 'Công ty TNHH May Sông Hồng', headcount: 40 },
    });
    const code = created.code ?? '';
    const page = await (await browser.newContext({ viewport })).newPage();
    const errors = watchErrors(page);
    await page.goto(`${harness.server.url}/#/ask/${code}`);
    await shows(page, 'Hội nghị người lao động năm 2027');
    await page.getByLabel('Câu hỏi hoặc kiến nghị').fill('x'.repeat(submissionMaxLength + 1));
    await shows(page, `Ý kiến dài quá ${submissionMaxLength} ký tự: hãy rút gọn, hoặc chia thành nhiều ý kiến.`);
    await page.getByRole('button', { name: 'Gửi ý kiến' }).click();
    expect(
      (
        await harness.server.handlers['submissions/list'](
          { dialogueId: created.dialogue.id, after: 0, limit: 10, untagged: false, includeMerged: false },
          { kind: 'admin' },
        )
      ).total,
    ).toBe(0);

    // One network may send 20 in an hour; the 21st is refused, and the worker is told until when.
    const alert = async (): Promise<string> => ((await page.getByRole('alert').count()) > 0 ? page.getByRole('alert').innerText() : '');
    let limited = '';
    for (let attempt = 1; attempt <= 25 && limited === ''; attempt += 1) {
      await page.getByLabel('Câu hỏi hoặc kiến nghị').fill(`Câu hỏi thứ ${attempt}`);
      await page.getByRole('button', { name: 'Gửi ý kiến' }).click();
      await expect
        .poll(async () => (await page.getByTestId('submission-receipt').count()) > 0 || (await alert()).startsWith('Có quá nhiều'), { timeout: 10_000 })
        .toBe(true);
      limited = await alert();
      if (limited === '') await page.getByRole('button', { name: 'Gửi thêm một ý kiến' }).click();
    }
    expect(limited).toMatch(/^Có quá nhiều ý kiến gửi từ mạng này: hãy thử lại sau \d{2}:\d{2}\.$/);
    await artifactRecorder('dialogue-limits')(page, 'flood-refused');
    expect(errors.filter((error) => !error.includes('429'))).toEqual([]);
  });
});
