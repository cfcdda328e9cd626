import type { Localised } from './localised';

/** Word's tracked changes (decision 0030): the export option and importing a party's file as suggestions; merged into vi.ts and en.ts. */
export const wordEn = {
  exportTrackedChanges: 'Carry the pending suggestions as Word tracked changes (each with its author and time)',
  exportTrackedChangesHint: 'In Word, Review › Track Changes shows them; the other outputs always show the accepted text.',
  importTitle: 'Import suggestions from Word',
  importExplain:
    'A .docx in which a party made tracked changes (Track Changes) on this document: each change becomes your suggestion, where the paragraph still reads as it did before the change.',
  importChoose: 'Choose a .docx…',
  made_one: '{{count}} suggestion made, in {{paragraphs}} paragraph(s).',
  made_other: '{{count}} suggestions made, in {{paragraphs}} paragraph(s).',
  skippedTitle_one: '{{count}} paragraph was left unchanged:',
  skippedTitle_other: '{{count}} paragraphs were left unchanged:',
  atParagraph: 'paragraph {{paragraph}} of the file',
  byAuthors: 'changes by {{authors}} in Word',
  reasons: {
    no_match: 'No paragraph of this document reads as it did before the change (in the article it names).',
    ambiguous_match: 'Several paragraphs of the article read like it: it is not clear which one is meant.',
    in_table: 'In a table or text box: only paragraphs of text are imported.',
    in_header: 'In a header or footer, which is not part of the text.',
    formatting: 'A formatting change (bold, italic…), which is not imported.',
    moved: 'Moved text, which is not imported: suggest the move in the document.',
    comment: 'A Word comment: add it as a comment in the document.',
    paragraph_mark: 'A whole paragraph added or removed, which is not imported as text.',
    outside_text: 'A change in a number or label (“Article 3.”, “1.”), not in the text.',
    in_variable: 'A change inside a value: propose the new value instead.',
    already_suggested: 'Someone already suggests deleting this text.',
  },
};

export const wordVi: Localised<typeof wordEn> = {
  exportTrackedChanges: 'Kèm các gợi ý đang chờ dưới dạng theo dõi thay đổi của Word (có người gợi ý và thời điểm)',
  exportTrackedChangesHint: 'Trong Word, mục Review › Track Changes hiển thị các thay đổi; các bản xuất khác luôn là văn bản đã thống nhất.',
  importTitle: 'Nhập góp ý từ Word',
  importExplain:
    'Tệp .docx mà một bên đã sửa có theo dõi thay đổi (Track Changes) trên văn bản này: mỗi thay đổi trở thành gợi ý của bạn, ở đoạn vẫn đọc như trước khi sửa.',
  importChoose: 'Chọn tệp .docx…',
  made_other: 'Đã tạo {{count}} gợi ý, trong {{paragraphs}} đoạn.',
  skippedTitle_other: '{{count}} đoạn được giữ nguyên:',
  atParagraph: 'đoạn {{paragraph}} của tệp',
  byAuthors: 'do {{authors}} sửa trong Word',
  reasons: {
    no_match: 'Không có đoạn nào của văn bản đọc như trước khi sửa (trong điều mà tệp ghi).',
    ambiguous_match: 'Nhiều đoạn trong điều giống đoạn này: không rõ là đoạn nào.',
    in_table: 'Nằm trong bảng hoặc hộp văn bản: chỉ nhập các đoạn văn.',
    in_header: 'Nằm ở đầu trang hoặc chân trang, không thuộc nội dung văn bản.',
    formatting: 'Thay đổi định dạng (đậm, nghiêng…), không được nhập.',
    moved: 'Đoạn được di chuyển, không được nhập: hãy gợi ý việc di chuyển trong văn bản.',
    comment: 'Bình luận của Word: hãy thêm bình luận trong văn bản.',
    paragraph_mark: 'Thêm hoặc xóa cả đoạn, không được nhập như văn bản.',
    outside_text: 'Thay đổi ở số thứ tự hoặc tiêu đề (“Điều 3.”, “1.”), không ở nội dung.',
    in_variable: 'Thay đổi bên trong một giá trị: hãy đề xuất giá trị mới.',
    already_suggested: 'Đã có người gợi ý xóa đoạn chữ này.',
  },
};
