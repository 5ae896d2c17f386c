"""The Vietnamese of every field and model of the files, in one place: the JSON Schemas describe
each as "Vietnamese — English" (``vbdocs.schema.jsonschema``), so that an editor shows a clerk the
Vietnamese first, and a developer the English of the models' ``Field`` descriptions and docstrings.

Keys are ``<module>.<Model>.<field>`` in :data:`FIELDS` and ``<module>.<Model>`` in :data:`MODELS`
(the module's last name: ``campaign``, ``units``, ``document``, ``signing``), as :func:`key` writes
them; a field or model the schemas describe that has no entry here stops the schemas' generation,
so none is forgotten. Plain text only: no reST markup (an editor shows it as it is).
"""

from __future__ import annotations

FIELDS: dict[str, str] = {
    # campaign_<năm>.yaml
    "campaign.CampaignFile.units": "Đường dẫn tệp đơn vị (units.yaml), tính từ thư mục của tệp này.",
    "campaign.CampaignFile.campaign": "Phong trào: tên và năm.",
    "campaign.CampaignFile.plan": "Kế hoạch của phong trào, nếu có.",
    "campaign.CampaignFile.letters": "Các công văn phong trào gửi đi.",
    "campaign.CampaignFile.reports": "Các báo cáo đơn vị phải gửi, kèm hạn gửi.",
    "campaign.CampaignFile.forms": "Các mẫu đơn vị điền: mỗi đơn vị, mỗi báo cáo một mẫu, và mẫu đăng ký.",
    "campaign.Campaign.name": "Tên phong trào (\"Phong trào thi đua “*Dân vận khéo*”\").",
    "campaign.Campaign.year": "Năm của phong trào.",
    "campaign.Plan.number": "Số của kế hoạch khi đã cấp số; để trống khi là dự thảo (\"Số:     /KH-SNN\").",
    "campaign.Plan.date": "Ngày ban hành khi đã ký; để trống khi là dự thảo.",
    "campaign.Plan.subject": "Trích yếu dưới tên loại KẾ HOẠCH, viết thường (\"Thực hiện phong trào thi đua "
                             "“Dân vận khéo” năm 2024\").",
    "campaign.Plan.legal_bases": "Các văn bản kế hoạch triển khai, được dẫn theo thứ tự.",
    "campaign.Plan.opening": "Phần cuối câu mở đầu, sau các căn cứ (\"Sở … xây dựng kế hoạch thực hiện trong "
                             "năm 2024, như sau:\").",
    "campaign.Plan.sections": "Các mục trước mục Tổ chức thực hiện.",
    "campaign.Plan.implementation": "Tổ chức thực hiện: đơn vị nào làm việc gì.",
    "campaign.Plan.closing": "Đoạn kết; \"./.\" được thêm vào cuối.",
    "campaign.Plan.recipients": "Nơi nhận, trước dòng \"Lưu:\".",
    "campaign.Plan.footnotes": "Nội dung các chú thích theo tên; văn bản gọi chú thích bằng [^tên] ở chỗ đặt dấu.",
    "campaign.Plan.signer": "Người ký kế hoạch.",
    "campaign.Plan.filing": "Dòng \"Lưu:\".",
    "campaign.LegalBasis.type": "Tên loại văn bản được dẫn (\"Chỉ thị\", \"Kế hoạch\", \"Luật\").",
    "campaign.LegalBasis.number": "Số, ký hiệu đúng như in trên văn bản được dẫn (\"16/CT-TTg\", \"22-CT/TU\"). "
                                  "Bỏ trống với Luật, Pháp lệnh.",
    "campaign.LegalBasis.date": "Ngày ban hành (YYYY-MM-DD).",
    "campaign.LegalBasis.issuer": "Mã cơ quan ban hành trong bodies của tệp đơn vị.",
    "campaign.LegalBasis.subject": "Trích yếu, viết thường, như đứng sau chữ \"về\" (\"tăng cường và đổi mới công "
                                   "tác dân vận …\").",
    "campaign.LegalBasis.connector": "Từ nối giữa cơ quan ban hành và trích yếu: \"về\", trừ khi trích yếu mở đầu "
                                     "bằng động từ (\"phát động …\"), khi đó để \"\".",
    "campaign.Section.title": "Tiêu đề mục, viết thường; được in hoa (\"Mục đích, yêu cầu\").",
    "campaign.Section.items": "Các khoản, đánh số 1., 2., … theo thứ tự. Được dùng định dạng.",
    "campaign.Section.reported": "Đơn vị báo cáo theo các khoản của mục này: mẫu báo cáo có một tiêu đề cho mỗi "
                                 "khoản (trừ khoản ghi reported: false).",
    "campaign.Item.text": "Khoản như in trong kế hoạch. Được dùng định dạng.",
    "campaign.Item.heading": "Tên mẫu báo cáo dùng cho khoản này, chữ đứng, thay cho trích nguyên văn (\"Công tác "
                             "dân vận chính quyền gắn với cải cách hành chính\").",
    "campaign.Item.reported": "Trong mục có báo cáo: đơn vị có báo cáo về khoản này không (false với nhiệm vụ "
                              "riêng của lãnh đạo).",
    "campaign.Implementation.title": "Tiêu đề mục, viết thường.",
    "campaign.Implementation.assignments": "Nhiệm vụ của từng đơn vị.",
    "campaign.Assignment.unit": "Mã đơn vị hoặc nhóm trong tệp đơn vị.",
    "campaign.Assignment.label": "Tiêu đề in thay cho tên đơn vị hoặc nhóm.",
    "campaign.Assignment.duties": "Các nhiệm vụ, mỗi nhiệm vụ in thành một dòng \"- \".",
    "campaign.Duty.text": "Nhiệm vụ; với nhiệm vụ báo cáo: báo cáo gì, gửi đâu, trước phần hạn gửi (\"Báo cáo kết "
                          "quả thực hiện về Sở (*qua Văn phòng Sở*) …\").",
    "campaign.Duty.reports": "Mã các báo cáo (trong reports) có hạn gửi được viết tiếp sau nội dung.",
    "campaign.Recipient.to": "Mã đơn vị, nhóm hoặc cơ quan bên ngoài.",
    "campaign.Recipient.text": "Nơi nhận viết tự do, không có trong tệp đơn vị (\"GD, các PGD Sở\").",
    "campaign.Recipient.label": "Tên in thay cho tên của nơi được mã chỉ đến.",
    "campaign.Recipient.purpose": "Mục đích gửi, in trong ngoặc sau tên (\"báo cáo\").",
    "campaign.Signer.person": "Mã người ký (id) trong people của tệp đơn vị.",
    "campaign.Signer.authority": "Thẩm quyền ký (Phụ lục I, II.7.b): own (người đứng đầu ký tên mình), KT (cấp phó "
                                 "ký thay), TM (người đứng đầu ký thay mặt tập thể, agency.collective của tệp đơn "
                                 "vị; cấp phó thêm KT.), Q (quyền), TL (thừa lệnh) hoặc TUQ (thừa ủy quyền). Người "
                                 "ký là người đứng đầu khi chức vụ trùng head_title của cơ quan: chỉ người đứng "
                                 "đầu ký own, không bao giờ ký KT, Q, TL hay TUQ.",
    "campaign.Signer.deputy_for": "Khi ký TL: chức vụ của người được giao ký TL. và giao lại cho cấp phó ký KT. "
                                  "(PL I, II.7.b): \"TL. BỘ TRƯỞNG / KT. VỤ TRƯỞNG VỤ GIÁO DỤC TRUNG HỌC / PHÓ "
                                  "VỤ TRƯỞNG\".",
    "campaign.Filing.unit": "Mã đơn vị soạn thảo, in bằng chữ viết tắt của đơn vị.",
    "campaign.Filing.label": "Đơn vị soạn thảo như viết ở dòng Lưu, thay cho chữ viết tắt (\"Vụ GDTrH\").",
    "campaign.Filing.drafter": "Ký hiệu người soạn thảo, in sau đơn vị (\"ntttam\").",
    "campaign.Filing.drafter_style": "Cách viết người soạn thảo sau đơn vị: brackets \"VP (ntttam)\" hoặc dot "
                                     "\"VP.Tiền\".",
    "campaign.Filing.copies": "Số bản lưu, nếu ghi: một số (\"HC (2)\") hoặc như viết (\"5b\": \"CNTT (5b)\").",
    "campaign.Letter.id": "Đặt tên tệp kết quả (cong-van-<id>.docx); không trùng trong phong trào.",
    "campaign.Letter.number": "Số công văn khi đã cấp số; để trống khi là dự thảo.",
    "campaign.Letter.date": "Ngày ban hành khi đã ký; để trống khi là dự thảo.",
    "campaign.Letter.drafting_unit": "Mã đơn vị soạn thảo công văn; chữ viết tắt của đơn vị đứng cuối ký hiệu "
                                     "(SNN-VP).",
    "campaign.Letter.subject": "Trích yếu sau \"V/v \" (\"tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo”\"). "
                               "Xuống dòng viết trong đó (YAML |) quyết định chỗ ngắt dòng; nếu không, dòng được "
                               "ngắt đều.",
    "campaign.Letter.addressees": "Kính gửi: một nơi thì viết cùng dòng \"Kính gửi:\", nhiều nơi thì mỗi nơi một "
                                  "dòng.",
    "campaign.Letter.cites_plan": "Dẫn kế hoạch của phong trào đầu tiên trong câu mở đầu (kèm số và ngày khi đã "
                                  "ban hành).",
    "campaign.Letter.legal_bases": "Các văn bản công văn triển khai, được dẫn trong câu mở đầu.",
    "campaign.Letter.directive": "Phần cuối câu mở đầu: ai yêu cầu ai làm gì (\"Giám đốc Sở … yêu cầu … như "
                                 "sau:\").",
    "campaign.Letter.instructions": "Các nội dung đánh số; \"./.\" được thêm vào nội dung cuối. Nội dung viết dạng "
                                    "ánh xạ có reports thì được thêm hạn gửi các báo cáo sau nội dung.",
    "campaign.Letter.footnotes": "Nội dung các chú thích theo tên; văn bản gọi chú thích bằng [^tên] ở chỗ đặt dấu.",
    "campaign.Letter.recipients": "Nơi nhận sau \"Như trên\", trước dòng \"Lưu:\".",
    "campaign.Letter.signer": "Người ký công văn.",
    "campaign.Letter.filing": "Dòng \"Lưu:\".",
    "campaign.Addressee.to": "Mã đơn vị, nhóm hoặc cơ quan bên ngoài.",
    "campaign.Addressee.text": "Nơi nhận viết tự do, không có trong tệp đơn vị.",
    "campaign.Addressee.label": "Tên in thay cho tên của nơi được mã chỉ đến.",
    "campaign.Report.id": "Mã các nhiệm vụ dùng để nói đến báo cáo này.",
    "campaign.Report.name": "Tên báo cáo như viết trong câu văn (\"báo cáo 6 tháng\").",
    "campaign.Report.period": "Kỳ báo cáo (\"6 tháng đầu năm 2024\").",
    "campaign.Report.deadline": "Hạn gửi: báo cáo gửi trước ngày này.",
    "campaign.Report.included_in": "Báo cáo riêng của đơn vị mà báo cáo này được lồng ghép vào, viết thường, như "
                                   "đứng sau \"vào\" (\"Báo cáo kết quả thực hiện công tác dân vận chính quyền\"): "
                                   "mẫu báo cáo ghi rõ điều đó.",
    "campaign.Report.subject": "Trích yếu của mẫu báo cáo (\"Kết quả thực hiện phong trào thi đua “Dân vận khéo” 6 "
                               "tháng đầu năm 2024\"); không có thì không tạo mẫu cho báo cáo này.",
    "campaign.Report.units": "Đơn vị hoặc nhóm gửi báo cáo này: mỗi đơn vị của chúng có một mẫu.",
    "campaign.Forms.send_to": "Kính gửi của các mẫu, gửi lên cơ quan (\"Sở Nông nghiệp và Phát triển nông thôn "
                              "(qua Văn phòng Sở)\").",
    "campaign.Forms.results_title": "Tiêu đề mục tiếp sau các nhiệm vụ của kế hoạch.",
    "campaign.Forms.models_title": "Tiêu đề mục có bảng các mô hình.",
    "campaign.Forms.model_columns": "Tiêu đề ba cột của bảng mô hình, sau cột STT.",
    "campaign.Forms.rows": "Số dòng trống của mỗi bảng, để điền.",
    "campaign.Forms.fill_lines": "Số dòng chấm để viết dưới mỗi tiêu đề.",
    "campaign.Forms.closing_sections": "Các mục sau bảng, mỗi mục có dòng chấm để viết.",
    "campaign.Forms.collected_by": "Mã đơn vị tổng hợp các mẫu cho cơ quan (chữ \"qua …\" của send_to): đơn vị này "
                                   "không nhận mẫu của riêng mình, vì không đơn vị nào báo cáo cho chính mình.",
    "campaign.Forms.registration": "Mẫu đăng ký, nếu kế hoạch yêu cầu.",
    "campaign.Registration.id": "Đặt tên các tệp kết quả (<id>-<đơn vị>.docx).",
    "campaign.Registration.subject": "Trích yếu của mẫu (\"Xây dựng mô hình “Dân vận khéo” năm 2024\", dưới tên "
                                     "loại ĐĂNG KÝ).",
    "campaign.Registration.action": "Việc đơn vị làm, trong câu mở đầu, sau tên đơn vị (\"đăng ký xây dựng mô hình "
                                    "“Dân vận khéo” năm 2024 như sau:\").",
    "campaign.Registration.columns": "Tiêu đề ba cột của bảng sau cột STT (\"Tên mô hình\", \"Lĩnh vực\", \"Nội "
                                     "dung, thời gian thực hiện\").",
    "campaign.Registration.name": "Tên mẫu như viết trong câu văn, trước hạn gửi, nơi một nhiệm vụ hay nội dung ghi "
                                  "mã của nó trong reports (\"bản đăng ký trước ngày 05/4/2024\").",
    "campaign.Registration.deadline": "Hạn gửi mẫu, nếu có: gửi trước ngày này.",
    "campaign.Registration.units": "Đơn vị hoặc nhóm gửi lại mẫu.",
    # units.yaml
    "units.UnitsFile.agency": "Cơ quan ban hành.",
    "units.UnitsFile.units": "Các đơn vị của cơ quan.",
    "units.UnitsFile.groups": "Các nhóm đơn vị có tên, được gửi văn bản chung.",
    "units.UnitsFile.people": "Những người ký văn bản.",
    "units.UnitsFile.bodies": "Các cơ quan bên ngoài: ban hành văn bản được dẫn, hoặc nhận văn bản.",
    "units.Agency.name": "Tên cơ quan như viết trong câu văn và, in hoa, ở phần đầu văn bản (\"Sở Nông nghiệp và "
                         "Phát triển nông thôn\"). Tên dài được ngắt đều ở phần đầu; xuống dòng viết trong tên "
                         "(YAML |) quyết định chỗ ngắt.",
    "units.Agency.full_name": "Tên chính thức đầy đủ, kèm đơn vị hành chính, nếu khác (\"Sở Nông nghiệp và Phát "
                              "triển nông thôn tỉnh Bình Thuận\").",
    "units.Agency.abbreviation": "Chữ viết tắt tên cơ quan, dùng trong mọi ký hiệu (\"SNN\" trong 25/KH-SNN).",
    "units.Agency.place": "Địa danh ở dòng địa danh, ngày tháng (\"Bình Thuận\" trong \"Bình Thuận, ngày …\").",
    "units.Agency.parent": "Cơ quan chủ quản trực tiếp, nếu có.",
    "units.Agency.head_title": "Chức vụ người đứng đầu cơ quan (\"Giám đốc\"); cấp phó ký \"KT. GIÁM ĐỐC\".",
    "units.Agency.issuing": "Sổ đăng ký văn bản đi: nơi lưu sổ và các hệ thống số (vbdocs issue).",
    "units.RegisterSettings.url": "Sổ đăng ký: đường dẫn tệp SQLite, tính từ thư mục tệp này, hoặc URL cơ sở dữ liệu "
                                  "(\"postgresql://vanthu@may-chu/vbdocs\") dùng chung cho nhiều văn thư. Bỏ trống: "
                                  "register.sqlite cạnh tệp này. --register và VBDOCS_REGISTER được ưu tiên.",
    "units.RegisterSettings.sequences": "shared: mọi văn bản hành chính dùng chung một hệ thống số; by_type: mỗi "
                                        "loại văn bản một hệ thống số riêng.",
    "units.RegisterSettings.secret": "Văn bản mật (có độ mật) được đánh số theo hệ thống số riêng (Điều 15).",
    "units.RegisterSettings.copies": "Bản sao (sao y, sao lục, trích sao) dùng chung một hệ thống số riêng (Điều 15).",
    "units.RegisterSettings.advisory": "Mã các đơn vị là tổ chức tư vấn dùng con dấu của cơ quan: mỗi tổ chức đánh số "
                                       "văn bản mình ban hành theo hệ thống số riêng.",
    "units.Agency.contact": "Địa chỉ, điện thoại, e-mail, website (ô 13), cho các văn bản có in.",
    "units.Agency.collective": "Tập thể lãnh đạo của cơ quan làm việc theo chế độ tập thể, viết thường (\"Ủy ban "
                               "nhân dân\" với UBND), người đứng đầu ký thay mặt với thẩm quyền TM: \"TM. ỦY BAN "
                               "NHÂN DÂN\" / \"CHỦ TỊCH\" (Điều 13.2, Phụ lục I II.7.b). Bỏ trống với cơ quan làm "
                               "việc theo chế độ thủ trưởng (một Sở), khi đó TM. bị từ chối.",
    "units.ParentBody.name": "Tên cơ quan chủ quản như in trên tên cơ quan, viết thường; được dùng chữ viết tắt "
                             "thông dụng (\"UBND tỉnh Bình Thuận\"). Được in hoa.",
    "units.Contact.address": "Địa chỉ trụ sở cơ quan (\"Số 19 Trần Hưng Đạo, Phan Thiết, Bình Thuận\").",
    "units.Contact.phone": "Số điện thoại của cơ quan (\"0252 3822 xxx\").",
    "units.Contact.fax": "Số fax.",
    "units.Contact.email": "Địa chỉ thư điện tử.",
    "units.Contact.website": "Trang thông tin điện tử.",
    "units.Unit.name": "Tên đơn vị (\"Văn phòng Sở\"); ở phần đầu các mẫu của đơn vị, in hoa, được ngắt giữa các "
                       "từ, hoặc ở chỗ xuống dòng viết trong tên (YAML |).",
    "units.Unit.code": "Mã các tệp khác dùng để nói đến đơn vị này (\"VP\").",
    "units.Unit.abbreviation": "Chữ viết tắt tên đơn vị, dùng trong ký hiệu công văn (SNN-VP) và trong \"Lưu: VT, "
                               "VP\".",
    "units.Unit.kind": "Loại đơn vị: office (Văn phòng), inspectorate (Thanh tra), specialised (phòng chuyên môn) "
                       "hoặc affiliated (đơn vị trực thuộc: chi cục, trung tâm, ban quản lý).",
    "units.Unit.head_title": "Chức vụ người đứng đầu đơn vị, người ký báo cáo của đơn vị (\"Chánh Văn phòng\").",
    "units.Unit.seal": "Đơn vị có con dấu và văn thư riêng (sổ đăng ký văn bản đi) không: nếu có, các mẫu của đơn "
                       "vị có dòng \"Số:\" để cấp số và \"Lưu: VT\". Bỏ trống: có, trừ phòng (tên \"Phòng …\"), "
                       "vốn không ban hành văn bản có số riêng và tự lưu bản của mình.",
    "units.Group.code": "Mã các tệp khác dùng để nói đến nhóm này.",
    "units.Group.name": "Tên nhóm như viết trong câu văn (\"Các phòng, cơ quan, đơn vị trực thuộc Sở\").",
    "units.Group.members": "Mã các đơn vị trong nhóm; bỏ trống là mọi đơn vị.",
    "units.Person.id": "Mã các tệp khác dùng để nói đến người này.",
    "units.Person.name": "Họ và tên in dưới chữ ký, không kèm danh xưng (\"Mai Kiều\").",
    "units.Person.title": "Chức vụ, viết thường (\"Phó Giám đốc\").",
    "units.Body.id": "Mã các tệp khác dùng để nói đến cơ quan này.",
    "units.Body.name": "Tên đầy đủ (\"Ủy ban nhân dân tỉnh Bình Thuận\").",
    "units.Body.short_name": "Tên viết gọn trong căn cứ và Nơi nhận (\"UBND tỉnh\").",
    # tệp văn bản (document:)
    "document.DocumentFile.units": "Đường dẫn tệp đơn vị (units.yaml), tính từ thư mục của tệp này.",
    "document.DocumentFile.document": "Văn bản.",
    "document.DocumentSpec.type": "Tên loại văn bản như Điều 7 viết (\"Quyết định\", \"Tờ trình\", \"Công văn\").",
    "document.DocumentSpec.id": "Đặt tên tệp kết quả; mặc định là tên loại và số.",
    "document.DocumentSpec.number": "Số văn bản khi đã cấp số; để trống khi là dự thảo.",
    "document.DocumentSpec.date": "Ngày ban hành khi đã ký; để trống khi là dự thảo.",
    "document.DocumentSpec.year": "Năm in ở dòng ngày tháng của dự thảo (\"ngày     tháng     năm 2024\"); có ngày "
                                  "ban hành thì là năm của ngày đó.",
    "document.DocumentSpec.month": "Ở dự thảo: tháng đã in sẵn ở dòng ngày tháng (\"ngày     tháng 01 năm 2024\").",
    "document.DocumentSpec.issuer": "Mã đơn vị ban hành văn bản nhân danh mình, dưới cơ quan; mặc định là cơ quan.",
    "document.DocumentSpec.drafting_unit": "Mã đơn vị soạn thảo: ký hiệu công văn kết thúc bằng đơn vị này "
                                           "(\"SNN-VP\"); ký hiệu văn bản có tên loại chỉ có đơn vị khi "
                                           "symbol_unit là true.",
    "document.DocumentSpec.symbol_unit": "Thêm đơn vị soạn thảo vào ký hiệu văn bản có tên loại "
                                         "(\"7991/BGDĐT-GDTrH\").",
    "document.DocumentSpec.subject": "Trích yếu, viết thường: dưới tên loại, hoặc sau \"V/v\" với công văn. Giấy "
                                     "giới thiệu và Giấy nghỉ phép không có (Mẫu 1.8, 1.10).",
    "document.DocumentSpec.authority": "Thẩm quyền ban hành dưới trích yếu của Quyết định, Nghị quyết (Mẫu 1.2), "
                                       "viết thường, được in hoa (\"Chủ tịch Ủy ban nhân dân tỉnh Bình Thuận\").",
    "document.DocumentSpec.secrecy": "Độ mật (ô 10a), đóng khung dưới số văn bản.",
    "document.DocumentSpec.urgency": "Độ khẩn (ô 10b), đóng khung dưới số văn bản, màu đỏ.",
    "document.DocumentSpec.circulation": "Chỉ dẫn phạm vi lưu hành (ô 11), đóng khung trước nội dung (\"Lưu hành "
                                         "nội bộ\", \"Xem xong trả lại\").",
    "document.DocumentSpec.draft": "Ghi \"DỰ THẢO\" trên phần đầu văn bản; một số thì ghi lần (\"DỰ THẢO LẦN 2\").",
    "document.DocumentSpec.electronic": "Bản gốc điện tử, ký số (Điều 5, Phụ lục I II.8): phụ lục thành tệp riêng "
                                        "(Mẫu 2.2) và, như văn bản được ban hành kèm (Mẫu 1.3), để trống số và ngày "
                                        "ở \"(Kèm theo …)\", vì chữ ký số của cơ quan thể hiện chúng ở góc trên bên "
                                        "phải trang 1; bản sao (copy_of) là bản sao điện tử (Mẫu 3.2), không có "
                                        "phần sao.",
    "document.DocumentSpec.contact": "In thông tin liên hệ của cơ quan (tệp đơn vị, agency.contact) ở cuối trang 1 "
                                     "(ô 13).",
    "document.DocumentSpec.addressees": "Kính gửi, nếu văn bản có.",
    "document.DocumentSpec.minutes": "Phần ghi về cuộc họp của Biên bản (Mẫu 1.9).",
    "document.DocumentSpec.leave": "Nội dung Giấy nghỉ phép cho phép (Mẫu 1.10).",
    "document.DocumentSpec.joint": "Các cơ quan khác cùng ban hành văn bản với cơ quan này (văn bản liên tịch), "
                                   "theo thứ tự.",
    "document.DocumentSpec.second_signer": "Chữ ký thứ hai, bên trái chữ ký của người ký (Thư ký của Biên bản); Nơi "
                                           "nhận đặt dưới cả hai.",
    "document.DocumentSpec.signer_title": "Chức danh in trên chữ ký thay cho thẩm quyền ký (\"Chủ tọa\" của Biên "
                                          "bản).",
    "document.DocumentSpec.introduction": "Phần giới thiệu của Giấy giới thiệu (Mẫu 1.8), viết trước nội dung.",
    "document.DocumentSpec.invitation": "Phần mời của Giấy mời (Mẫu 1.7), viết trước nội dung.",
    "document.DocumentSpec.body": "Nội dung, từng khối; khối cuối kết thúc bằng \"./.\". Với Giấy mời: các lưu ý "
                                  "sau phần mời.",
    "document.DocumentSpec.footnotes": "Nội dung các chú thích mà nội dung gọi bằng [^tên].",
    "document.DocumentSpec.attached": "Văn bản được Quyết định này ban hành, ghi ra tệp riêng (Mẫu 1.3).",
    "document.DocumentSpec.copy_of": "Làm bản sao văn bản (sao y, sao lục, trích sao) với phần sao.",
    "document.DocumentSpec.appendices": "Các phụ lục sau văn bản, mỗi phụ lục bắt đầu trang mới; nội dung dẫn đến "
                                        "chúng.",
    "document.DocumentSpec.recipients": "Nơi nhận, trước dòng \"Lưu:\".",
    "document.DocumentSpec.as_above": "Mở đầu Nơi nhận bằng \"Như trên\"; mặc định khi có Kính gửi.",
    "document.DocumentSpec.signer": "Người ký.",
    "document.DocumentSpec.filing": "Dòng \"Lưu:\".",
    "document.Addressee.to": "Mã đơn vị, nhóm hoặc cơ quan bên ngoài.",
    "document.Addressee.text": "Nơi nhận viết tự do (\"Ủy ban nhân dân các huyện, thị xã, thành phố\").",
    "document.Addressee.label": "Tên in thay cho tên của nơi được mã chỉ đến.",
    "document.Minutes.meeting": "Tên cuộc họp ở câu kết thúc (\"Hội nghị\").",
    "document.Minutes.day": "Ngày họp (YYYY-MM-DD).",
    "document.Minutes.start": "Giờ bắt đầu, HH:MM.",
    "document.Minutes.end": "Giờ kết thúc, HH:MM.",
    "document.Minutes.place": "Địa điểm, sau \"Địa điểm:\".",
    "document.Minutes.attendees": "Thành phần tham dự, sau \"Thành phần tham dự:\".",
    "document.Minutes.chair": "Người chủ trì, sau \"Chủ trì (chủ tọa):\".",
    "document.Minutes.secretary": "Người ghi biên bản, sau \"Thư ký (người ghi biên bản):\".",
    "document.Leave.honorific": "Ông hoặc Bà.",
    "document.Leave.person": "Họ và tên (\"Nguyễn Văn An\").",
    "document.Leave.position": "Chức vụ, sau \"Chức vụ:\".",
    "document.Leave.requested": "Ngày của đơn đề nghị nghỉ phép.",
    "document.Leave.days": "Số ngày nghỉ (\"05 ngày\").",
    "document.Leave.start": "Ngày nghỉ đầu tiên.",
    "document.Leave.end": "Ngày nghỉ cuối cùng.",
    "document.Leave.place": "Nơi nghỉ, sau \"tại\".",
    "document.Leave.counted_as": "Ngày nghỉ được tính vào đâu (\"phép năm 2024\").",
    "document.JointIssuer.name": "Tên cơ quan, viết thường (\"Hội Nông dân tỉnh Bình Thuận\"); xuống dòng viết trong "
                                 "tên (YAML |) quyết định chỗ ngắt ở phần đầu.",
    "document.JointIssuer.parent": "Cơ quan chủ quản, nếu có.",
    "document.JointIssuer.abbreviation": "Chữ viết tắt tên cơ quan trong ký hiệu (\"HND\").",
    "document.JointIssuer.head_title": "Chức vụ người đứng đầu (\"Chủ tịch\"); cấp phó ký KT.",
    "document.JointIssuer.collective": "Tập thể mà người đứng đầu ký thay mặt với thẩm quyền TM (\"Ban Thường vụ\"), "
                                       "nếu có.",
    "document.JointIssuer.signer": "Người ký cho cơ quan này.",
    "document.JointSigner.name": "Họ và tên in dưới chữ ký (\"Nguyễn Văn Bình\").",
    "document.JointSigner.title": "Chức vụ, viết thường (\"Phó Chủ tịch\").",
    "document.JointSigner.authority": "Thẩm quyền ký, như ở signer: own, KT, TM, Q, TL hoặc TUQ.",
    "document.SecondSigner.person": "Mã người ký (id) trong people của tệp đơn vị.",
    "document.SecondSigner.title": "Chức danh in trên chữ ký (\"Thư ký\"), được in hoa.",
    "document.Introduction.person": "Người được giới thiệu, như viết (\"Ông Nguyễn Văn An\").",
    "document.Introduction.position": "Chức vụ, sau \"Chức vụ:\".",
    "document.Introduction.sent_to": "Nơi được cử đến, sau \"Được cử đến:\".",
    "document.Introduction.purpose": "Về việc gì, sau \"Về việc:\".",
    "document.Introduction.valid_until": "Ngày cuối cùng giấy có giá trị (YYYY-MM-DD).",
    "document.Invitation.invitees": "Người được mời, sau \"trân trọng kính mời:\" (\"Ông (Bà) Giám đốc …\").",
    "document.Invitation.event": "Dự việc gì, sau \"Tới dự\" (\"Hội nghị sơ kết 6 tháng …\").",
    "document.Invitation.chair": "Người chủ trì, sau \"Chủ trì:\".",
    "document.Invitation.day": "Ngày (YYYY-MM-DD); thứ trong tuần được viết kèm.",
    "document.Invitation.start": "Giờ bắt đầu, HH:MM (\"14:00\").",
    "document.Invitation.end": "Giờ kết thúc, HH:MM, nếu có.",
    "document.Invitation.place": "Địa điểm, sau \"Địa điểm:\".",
    "document.Heading.heading": "Tiêu đề, viết thường; tiêu đề cấp trên cùng được in hoa.",
    "document.Heading.numbered": "false với tiêu đề không đánh số (tiêu đề phụ).",
    "document.Heading.body": "Các khối dưới tiêu đề.",
    "document.Numbered.numbered": "Các khoản, đánh số theo thứ tự.",
    "document.Item.text": "Nội dung của khoản. Được dùng định dạng.",
    "document.Item.body": "Các khối dưới khoản (danh sách lồng).",
    "document.Bullets.bullets": "Các dòng.",
    "document.Bases.bases": "Mỗi dòng căn cứ, không có dấu câu ở cuối.",
    "document.Center.center": "Dòng như được in.",
    "document.Article.article": "Nội dung của Điều, hoặc tên Điều khi titled.",
    "document.Article.titled": "article là tên Điều, in đậm.",
    "document.Article.body": "Các khoản (numbered) và khối khác của Điều.",
    "document.Part.part": "Tên Phần, viết thường; được in hoa.",
    "document.Part.body": "Các chương, mục hoặc Điều của Phần.",
    "document.Chapter.chapter": "Tên Chương, viết thường; được in hoa.",
    "document.Chapter.body": "Các khối của Chương.",
    "document.Division.division": "Tên Mục, viết thường; được in hoa.",
    "document.Division.body": "Các Điều của Mục.",
    "document.Table.table": "Bảng.",
    "document.TableSpec.widths": "Độ rộng tương đối của các cột; bảng rộng bằng khoảng giữa hai lề.",
    "document.TableSpec.header": "Các dòng tiêu đề, in đậm, căn giữa.",
    "document.TableSpec.rows": "Các dòng nội dung.",
    "document.TableSpec.total": "Dòng cuối in đậm (\"Tổng cộng\").",
    "document.TableSpec.shaded": "Tô nền xám nhạt các dòng tiêu đề.",
    "document.TableSpec.align": "Căn lề các ô của dòng nội dung, theo từng cột (\"center\" cho STT); căn lề riêng "
                                "của ô được ưu tiên. Mặc định căn đều hai bên.",
    "document.Cell.text": "Nội dung (để trống với ô cần điền); một danh sách cho nhiều đoạn.",
    "document.Cell.span": "Số cột ô chiếm.",
    "document.Cell.rows": "Số dòng ô chiếm, tính từ dòng của nó trở xuống.",
    "document.Cell.align": "Căn lề nội dung; mặc định căn giữa ở tiêu đề, căn đều ở nội dung.",
    "document.Cell.bold": "In đậm, như các ô của dòng tổng cộng.",
    "document.PageBreak.page_break": "true: nội dung tiếp theo sang trang mới.",
    "document.Attached.type": "Tên loại (\"Quy chế\", \"Quy định\", \"Kế hoạch\").",
    "document.Attached.subject": "Trích yếu, viết thường.",
    "document.Attached.body": "Nội dung, từng khối; khối cuối kết thúc bằng \"./.\".",
    "document.CopyOf.form": "Hình thức sao: sao y, sao lục hoặc trích sao.",
    "document.CopyOf.number": "Số của bản sao trong sổ bản sao; để trống khi là dự thảo.",
    "document.CopyOf.date": "Ngày sao; để trống khi là dự thảo (năm của văn bản được in).",
    "document.CopyOf.recipients": "Nơi nhận bản sao.",
    "document.CopyOf.signer": "Người ký bản sao giấy (Mẫu 3.1).",
    "document.CopyOf.filing": "Dòng \"Lưu:\" của bản sao giấy (Mẫu 3.1).",
    "document.Appendix.title": "Tên phụ lục, viết thường; được in hoa.",
    "document.Appendix.landscape": "Trình bày các trang của phụ lục theo chiều ngang (phụ lục có bảng rộng).",
    "document.Appendix.body": "Nội dung, từng khối; khối cuối kết thúc bằng \"./.\".",
}


#: The Vietnamese of each model (and enumeration) the schemas describe, keyed
#: ``<module>.<Model>`` as :func:`key` writes them with no field.
MODELS: dict[str, str] = {
    "campaign.CampaignFile": "Tệp kế hoạch năm (campaign_<năm>.yaml): phong trào, kế hoạch và các báo cáo.",
    "campaign.Campaign": "Phong trào của một năm.",
    "campaign.Plan": "Kế hoạch (Mẫu 1.4) của phong trào.",
    "campaign.LegalBasis": "Văn bản mà kế hoạch triển khai, được dẫn trong câu mở đầu.",
    "campaign.Section": "Một mục của kế hoạch: tiêu đề đánh số La Mã và các khoản đánh số.",
    "campaign.Item": "Một khoản của mục, viết thành văn bản thường, hoặc thành ánh xạ khi mẫu báo cáo cần thêm.",
    "campaign.Implementation": "Mục cuối của kế hoạch: Tổ chức thực hiện, nhiệm vụ theo đơn vị.",
    "campaign.Assignment": "Ai làm gì (một khoản của Tổ chức thực hiện): đơn vị hoặc nhóm và các nhiệm vụ.",
    "campaign.Duty": "Một nhiệm vụ của đơn vị, in thành dòng \"- \"; viết thành văn bản thường, hoặc thành ánh xạ "
                     "có text và reports khi là nhiệm vụ báo cáo.",
    "campaign.Recipient": "Một dòng Nơi nhận: đơn vị, nhóm hoặc cơ quan theo mã, hoặc viết tự do.",
    "campaign.Signer": "Người ký (ô 7) và thẩm quyền ký.",
    "campaign.Filing": "Dòng cuối Nơi nhận: \"Lưu: VT, VP (ntttam).\" (ô 9b và 12).",
    "campaign.Letter": "Một công văn (Mẫu 1.5) của phong trào: công văn chỉ đạo gửi các đơn vị.",
    "campaign.Addressee": "Một dòng \"Kính gửi\" (ô 9a): đơn vị, nhóm hoặc cơ quan theo mã, hoặc viết tự do.",
    "campaign.Report": "Báo cáo đơn vị phải gửi trước một hạn; mỗi đơn vị có một mẫu để điền.",
    "campaign.Forms": "Những gì mọi mẫu đơn vị điền có chung.",
    "campaign.Registration": "Mẫu đăng ký mỗi đơn vị gửi lại (ví dụ các mô hình sẽ xây dựng trong năm).",
    "signing.Authority": "Thẩm quyền ký: ký tên mình, hoặc ký thay, thay mặt, thừa lệnh, thừa ủy quyền.",
    "units.UnitsFile": "Tệp đơn vị (units.yaml): mọi thông tin về cơ quan không đổi theo phong trào.",
    "units.Agency": "Cơ quan ban hành: cơ quan mà vbdocs soạn văn bản cho.",
    "units.ParentBody": "Tên cơ quan, tổ chức chủ quản trực tiếp (ô 2, dòng đầu).",
    "units.RegisterSettings": "Sổ đăng ký văn bản đi: nơi lưu sổ và các hệ thống số người đứng đầu cơ quan quyết "
                              "định (Điều 15); mặc định theo Nghị định.",
    "units.Contact": "Địa chỉ, điện thoại, e-mail, website của cơ quan (ô 13), in ở cuối trang 1 của văn bản có in.",
    "units.Unit": "Một đơn vị của cơ quan: văn phòng, phòng chuyên môn hoặc đơn vị trực thuộc.",
    "units.Group": "Một nhóm đơn vị có tên, được gửi văn bản chung.",
    "units.Person": "Một người ký văn bản.",
    "units.Body": "Một cơ quan bên ngoài: ban hành văn bản được dẫn, hoặc được gửi văn bản.",
    "document.DocumentFile": "Tệp văn bản: tệp đơn vị mà nó dùng và văn bản.",
    "document.DocumentSpec": "Một văn bản hành chính (Phụ lục I, ô 1–14).",
    "document.Addressee": "Một dòng Kính gửi: đơn vị, nhóm hoặc cơ quan theo mã, hoặc viết tự do.",
    "document.Minutes": "Phần Biên bản ghi về cuộc họp (Mẫu 1.9): thời gian bắt đầu và kết thúc, địa điểm, thành "
                        "phần.",
    "document.Leave": "Nội dung Giấy nghỉ phép (Mẫu 1.10): cho ai, theo đơn ngày nào, bao nhiêu ngày, ở đâu.",
    "document.JointIssuer": "Một cơ quan khác cùng ban hành văn bản (văn bản liên tịch): phần của nó ở phần đầu và "
                            "chữ ký.",
    "document.JointSigner": "Người ký cho một cơ quan khác của văn bản liên tịch: họ tên, chức vụ, thẩm quyền ký.",
    "document.SecondSigner": "Chữ ký thứ hai bên cạnh chữ ký thứ nhất (Thư ký của Biên bản, bên trái Chủ tọa).",
    "document.Introduction": "Nội dung Giấy giới thiệu (Mẫu 1.8): giới thiệu ai, đến đâu, về việc gì, đến ngày nào.",
    "document.Invitation": "Nội dung Giấy mời (Mẫu 1.7): mời ai dự việc gì, ai chủ trì, khi nào, ở đâu.",
    "document.Heading": "Một tiêu đề đánh số theo thang của văn bản (I. → 1. → 1.1. → a)), theo độ sâu.",
    "document.Numbered": "Các đoạn đánh số, thấp hơn một bậc so với tiêu đề chứa chúng (1., 1.1., …).",
    "document.Item": "Một mục của danh sách đánh số hoặc gạch đầu dòng: nội dung và các khối dưới nó.",
    "document.Bullets": "Các dòng bắt đầu bằng \"- \" (và \"+ \" cho gạch đầu dòng lồng trong gạch đầu dòng).",
    "document.Bases": "Các dòng Căn cứ và \"Xét đề nghị\"/\"Theo đề nghị\" của Quyết định, Nghị quyết.",
    "document.Center": "Một dòng căn giữa, in đậm: \"QUYẾT ĐỊNH:\", \"QUYẾT NGHỊ:\".",
    "document.Article": "Một Điều, đánh số liên tục trong văn bản: \"Điều 1. <nội dung>\", hoặc có tên Điều.",
    "document.Part": "Một Phần (PL I, II.6): \"Phần I\" và tên căn giữa, in đậm, đánh số trong văn bản.",
    "document.Chapter": "Một Chương: \"Chương I\" và tên căn giữa, in đậm, các Điều trong body.",
    "document.Division": "Một Mục của chương (PL I, II.6): \"Mục 1\" và tên căn giữa, in đậm, đánh số trong chương.",
    "document.Table": "Một khối bảng.",
    "document.TableSpec": "Một bảng: độ rộng các cột, các dòng tiêu đề lặp lại mỗi trang, các dòng nội dung.",
    "document.Cell": "Một ô của bảng: nội dung, hoặc ánh xạ để gộp ô hay định dạng.",
    "document.PageBreak": "Nội dung tiếp theo sang trang mới.",
    "document.Attached": "Văn bản được Quyết định ban hành (Mẫu 1.3: Quy chế, Quy định, Kế hoạch, Hướng dẫn …).",
    "document.CopyOf": "Bản sao văn bản (Điều 25–26, Mẫu 3.1): hình thức sao, số trong sổ bản sao, ngày, nơi nhận, "
                       "người ký.",
    "document.Appendix": "Một phụ lục (Mẫu 2.1): trang mới sau văn bản, nhãn (\"Phụ lục\", hoặc có số) và tên.",
}


def key(model: type, field: str | None = None) -> str:
    """The key of ``model``'s ``field`` in :data:`FIELDS`, or of ``model`` in :data:`MODELS`."""
    name = f"{model.__module__.rsplit('.', 1)[-1]}.{model.__name__}"
    return name if field is None else f"{name}.{field}"
